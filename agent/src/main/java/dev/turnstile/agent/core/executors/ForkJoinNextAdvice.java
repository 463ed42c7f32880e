package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into JDK 17's {@code ForkJoinPool.WorkQueue.tryPoll()}, which {@code topLevelExec} alone calls to take the
 * next submitted task from the queue it is draining, once the previous task and its subtasks are done.
 */
final class ForkJoinNextAdvice {
    private ForkJoinNextAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return Object task) {
        Pools.nextByForkJoinWorker(task);
    }
}
