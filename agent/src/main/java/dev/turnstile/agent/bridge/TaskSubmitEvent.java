package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Where tasks are submitted from: sampled, at most one per thread per millisecond, with the submitter's stack. */
@Name("turnstile.TaskSubmit")
@Label("Task Submit")
@Category({"Turnstile", "Pools"})
@Description("A sampled task submission to an executor, with the submitting thread's stack")
@StackTrace(true)
public final class TaskSubmitEvent extends Event {
    @Label("Executor Id")
    @Description("Identity hash of the executor, as in turnstile.ExecutorStatistics")
    int executorId;

    @Label("Executor Class")
    Class<?> executorClass;

    @Label("Task Class")
    Class<?> taskClass;
}
