package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code execute(Runnable)} of every other Executor class (a web server's pool, ForkJoinPool, a wrapper):
 * counted when it returns, so that a wrapper around a ThreadPoolExecutor does not count what the pool already did. The
 * task is read as it is at the end ({@code backupArguments = false}): if the method, or another agent's advice in it,
 * replaced the task before handing it on, the replacement is what the pool inside saw.
 */
final class ExecutorHandOverAdvice {
    private ExecutorHandOverAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, backupArguments = false)
    static void exit(@Advice.This Object executor, @Advice.Argument(0) Object task) {
        Pools.handedOver(executor, task);
    }
}
