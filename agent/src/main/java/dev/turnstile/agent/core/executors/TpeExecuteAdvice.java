package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code ThreadPoolExecutor.execute(Runnable)}, before the task can reach a worker. */
final class TpeExecuteAdvice {
    private TpeExecuteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object executor, @Advice.Argument(0) Object task) {
        Pools.submitted(executor, task);
    }
}
