package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The holder of a java.util.concurrent lock released it while other threads were queued for it: the holder's
 * side of their wait. Sampled: at most one per thread per millisecond, each with the holder's stack.
 */
@Name("turnstile.LockRelease")
@Label("Lock Release")
@Category({"Turnstile", "Locks"})
@Description("A lock was released to queued waiters; the event thread is the holder, the stack where it released")
@StackTrace(true)
public final class LockReleaseEvent extends Event {
    @Label("Lock Id")
    @Description("Identity hash of the lock's synchronizer, as in turnstile.LockWait")
    long lockId;

    @Label("Synchronizer Class")
    @Description("The synchronizer's own class, as in turnstile.LockWait")
    Class<?> synchronizerClass;

    @Label("Shared")
    @Description("True when a shared hold (read lock, permit) was released")
    boolean shared;
}
