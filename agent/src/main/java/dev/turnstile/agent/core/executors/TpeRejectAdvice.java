package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code ThreadPoolExecutor.reject(Runnable)}, where every refused task passes. */
final class TpeRejectAdvice {
    private TpeRejectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object executor, @Advice.Argument(0) Object task) {
        Pools.rejected(executor, task);
    }
}
