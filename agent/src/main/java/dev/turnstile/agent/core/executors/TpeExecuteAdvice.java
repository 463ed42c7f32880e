package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ThreadPoolExecutor.execute(Runnable)}: at the start, before the task can reach a worker, the
 * submission; at the end, whether the task that went to the queue is still the one submitted. Another agent's advice
 * in the same method may have replaced it (OpenTelemetry wraps a lambda to carry its context to the worker): the
 * worker will take the replacement, so the agent follows it.
 */
final class TpeExecuteAdvice {
    private TpeExecuteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object executor, @Advice.Argument(0) Object task) {
        Pools.submitted(executor, task);
        return task;
    }

    /** {@code backupArguments = false}: the argument as it is at the end, after any other advice changed it. */
    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, backupArguments = false)
    static void exit(@Advice.Enter Object submitted, @Advice.Argument(0) Object queued) {
        if (queued != submitted) {
            Pools.replaced(submitted, queued);
        }
    }
}
