package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ForkJoinPool.WorkQueue.topLevelExec(ForkJoinTask, ...)}, where a worker runs a task it took
 * from a queue, then the subtasks that task forked onto its own queue: the run of a submitted task, all of its work.
 */
final class ForkJoinRunAdvice {
    private ForkJoinRunAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object task) {
        Pools.takenByForkJoinWorker(task);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit() {
        Pools.done();
    }
}
