package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Every second, per executor the agent has seen: its size and queue now, and its task counts so far (the last second
 * before the recording ends is in turnstile.ExecutorTotals).
 */
@Name("turnstile.ExecutorStatistics")
@Label("Executor Statistics")
@Category({"Turnstile", "Pools"})
@Description("A periodic snapshot of an executor: workers, busy workers, queued tasks, and cumulative task counts")
@Period("1 s")
@StackTrace(false)
public final class ExecutorStatisticsEvent extends Event {
    @Label("Executor Id")
    @Description("Identity hash of the executor: stable while it lives")
    int executorId;

    @Label("Executor Class")
    Class<?> executorClass;

    @Label("Name")
    @Description("Its worker threads' name without the trailing number (e.g. pool-1-thread-), if a worker was seen")
    String name;

    @Label("Pool Size")
    @Description("Worker threads now; -1 when the executor does not say (not a ThreadPoolExecutor or ForkJoinPool)")
    int poolSize;

    @Label("Active Workers")
    @Description("Workers running a task now; -1 when unknown")
    int activeWorkers;

    @Label("Queued Tasks")
    @Description("Tasks waiting for a worker now; -1 when unknown")
    int queuedTasks;

    @Label("Submitted")
    @Description("Tasks submitted since the agent started, including rejected ones")
    long submitted;

    @Label("Rejected")
    long rejected;

    @Label("Started")
    @Description("Tasks a worker took since the agent started (0 for executors whose workers the agent does not see)")
    long started;

    @Label("Completed")
    long completed;

    @Label("Wait Unknown")
    @Description("Started tasks whose submission was not seen (submitted before the agent started, or not tracked)")
    long waitUnknown;
}
