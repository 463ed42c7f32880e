package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Totals per lock since the agent started, including contended acquisitions too short for a lock-wait event;
 * written at the start and the end of every chunk, so the last one per lock holds the recording's totals.
 */
@Name("turnstile.LockStatistics")
@Label("Lock Statistics")
@Category({"Turnstile", "Locks"})
@Description("Cumulative contended acquisitions and wait time per java.util.concurrent lock, whatever the threshold")
@Period("everyChunk")
@StackTrace(false)
public final class LockStatisticsEvent extends Event {
    @Label("Lock Id")
    @Description("Identity hash of the lock's synchronizer, as in turnstile.LockWait")
    int lockId;

    @Label("Synchronizer Class")
    @Description("The synchronizer's own class, as in turnstile.LockWait")
    Class<?> synchronizerClass;

    @Label("Contended Acquisitions")
    @Description("Acquisitions that could not take the lock at once, since the agent started")
    long contendedAcquisitions;

    @Label("Wait Time")
    @Description("Total time those acquisitions waited, since the agent started")
    @Timespan(Timespan.NANOSECONDS)
    long waitNanos;

    @Label("Releases To Waiters")
    @Description("Releases while threads were queued for the lock, since the agent started: every hold that ended"
            + " while the lock was contended, including those of threads that took it without queueing")
    long releasesToWaiters;
}
