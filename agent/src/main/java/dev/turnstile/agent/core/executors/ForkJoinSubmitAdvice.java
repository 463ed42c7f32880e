package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the ForkJoinPool methods every submission goes through, whose first argument is the task as queued:
 * {@code externalSubmit(ForkJoinTask)} (JDK 17: all of execute, submit, invoke; JDK 25: its public form) and
 * {@code executeEnabledScheduledTask} (JDK 25's delayed tasks, when due). {@link Second} is for JDK 21+'s
 * {@code poolSubmit(boolean, ForkJoinTask)}.
 */
final class ForkJoinSubmitAdvice {
    private ForkJoinSubmitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object pool, @Advice.Argument(0) Object task) {
        Pools.submitted(pool, task);
    }

    static final class Second {
        private Second() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object pool, @Advice.Argument(1) Object task) {
            Pools.submitted(pool, task);
        }
    }
}
