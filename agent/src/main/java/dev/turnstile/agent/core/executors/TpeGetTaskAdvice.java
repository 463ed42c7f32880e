package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ThreadPoolExecutor.getTask()}, which a worker calls between tasks: on entry its previous task
 * is done; the task it returns is the one the worker runs next.
 */
final class TpeGetTaskAdvice {
    private TpeGetTaskAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        Pools.done();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object executor, @Advice.Return Object task) {
        Pools.taken(executor, task);
    }
}
