package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ThreadPoolExecutor.runWorker(Worker)}: a new worker runs its first task without taking it from
 * the queue; when the worker ends (a task threw, or it was idle too long), its last task is done.
 */
final class TpeRunWorkerAdvice {
    private TpeRunWorkerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object executor, @Advice.Argument(0) Object worker) {
        Pools.workerStarted(executor, worker);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit() {
        Pools.done();
    }
}
