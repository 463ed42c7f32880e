package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Task counts per executor since the agent started, written at the start and end of every chunk (so the last one per
 * executor holds the recording's totals), together with the executor's turnstile.ExecutorTimes histograms.
 */
@Name("turnstile.ExecutorTotals")
@Label("Executor Totals")
@Category({"Turnstile", "Pools"})
@Description("Cumulative task counts of an executor: submitted, rejected, started, completed")
@Period("everyChunk")
@StackTrace(false)
public final class ExecutorTotalsEvent extends Event {
    @Label("Executor Id")
    @Description("Identity hash of the executor: stable while it lives")
    int executorId;

    @Label("Executor Class")
    Class<?> executorClass;

    @Label("Name")
    @Description("Its worker threads' name without the trailing number (e.g. pool-1-thread-), if a worker was seen")
    String name;

    @Label("Submitted")
    @Description("Tasks submitted since the agent started, including rejected ones")
    long submitted;

    @Label("Rejected")
    long rejected;

    @Label("Started")
    @Description("Tasks a worker took (0 for executors whose workers the agent does not see)")
    long started;

    @Label("Completed")
    long completed;

    @Label("Wait Unknown")
    @Description("Started tasks whose submission was not seen (submitted before the agent started, or not tracked)")
    long waitUnknown;
}
