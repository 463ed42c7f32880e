package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ScheduledThreadPoolExecutor.delayedExecute} and {@code reExecutePeriodic}, where every
 * scheduled run is queued: its wait counts from when it is due, not from when it was scheduled.
 */
final class ScheduledSubmitAdvice {
    private ScheduledSubmitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object executor, @Advice.Argument(0) Object task) {
        Pools.scheduled(executor, task, ((Delayed) task).getDelay(TimeUnit.NANOSECONDS));
    }
}
