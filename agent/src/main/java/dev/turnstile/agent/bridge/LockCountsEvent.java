package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** Acquisitions per kind of java.util.concurrent lock since the agent started, contended or not. */
@Name("turnstile.LockCounts")
@Label("Lock Counts")
@Category({"Turnstile", "Locks"})
@Description("Approximate acquisitions per kind of java.util.concurrent lock since the agent started, contended or"
        + " not; with turnstile.LockStatistics this gives the share of acquisitions that had to wait")
@Period("everyChunk")
@StackTrace(false)
public final class LockCountsEvent extends Event {
    @Label("Lock Kind")
    @Description("The lock class, with (read) or (write) for the two sides of a read-write lock")
    String lockKind;

    @Label("Acquisitions")
    @Description("Acquisitions ended by a release that freed the lock (reentrant holds count once); close, not exact")
    long acquisitions;
}
