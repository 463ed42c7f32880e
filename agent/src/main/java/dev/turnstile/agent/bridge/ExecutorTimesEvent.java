package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One bucket of an executor's histogram of queue waits or run times since the agent started, written with
 * turnstile.ExecutorTotals at the start and end of every chunk: together, the buckets give every task's times within
 * 19 %.
 */
@Name("turnstile.ExecutorTimes")
@Label("Executor Times")
@Category({"Turnstile", "Pools"})
@Description("Cumulative count of an executor's tasks whose queue wait or run time fell in one histogram bucket")
@StackTrace(false)
public final class ExecutorTimesEvent extends Event {
    @Label("Executor Id")
    int executorId;

    @Label("Kind")
    @Description("queueWait or runTime")
    String kind;

    @Label("Upper Bound")
    @Description("The longest time in this bucket; the bucket above the previous bound up to this one")
    @Timespan(Timespan.NANOSECONDS)
    long upperBoundNanos;

    @Label("Tasks")
    long tasks;
}
