package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** One task run by a pool worker, from when it took the task to when it was done; only tasks at or above the threshold. */
@Name("turnstile.TaskRun")
@Label("Task Run")
@Category({"Turnstile", "Pools"})
@Description("A pool worker ran a task (duration: its run time, from taking it to being done) after it waited in the queue")
@StackTrace(false)
public final class TaskRunEvent extends Event {
    @Label("Executor Id")
    @Description("Identity hash of the executor, as in turnstile.ExecutorStatistics")
    int executorId;

    @Label("Executor Class")
    Class<?> executorClass;

    @Label("Task Class")
    @Description("The task's class: for a lambda, its name starts with the class that wrote it")
    Class<?> taskClass;

    @Label("Queue Wait")
    @Description("From submission (or, for a delayed task, from when it was due) to a worker taking it; -1 if unknown")
    @Timespan(Timespan.NANOSECONDS)
    long queueWaitNanos;
}
