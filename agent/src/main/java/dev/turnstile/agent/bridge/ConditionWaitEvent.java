package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A thread waited on a Condition (Condition.await and its timed forms): waiting for a signal, which is idle time,
 * not contention. Blocking queues, CyclicBarrier and idle pool workers wait this way.
 */
@Name("turnstile.ConditionWait")
@Label("Condition Wait")
@Category({"Turnstile", "Locks"})
@Description("A thread waited for a signal on a java.util.concurrent Condition, from await to its return")
@StackTrace(true)
public final class ConditionWaitEvent extends Event {
    @Label("Lock Id")
    @Description("Identity hash of the synchronizer the condition belongs to, as in turnstile.LockWait")
    long lockId;

    @Label("Synchronizer Class")
    @Description("The class of the synchronizer the condition belongs to")
    Class<?> synchronizerClass;

    @Label("Timed Out")
    @Description("True when a timed await returned because its time ran out rather than because of a signal (or an"
            + " interrupt)")
    boolean timedOut;
}
