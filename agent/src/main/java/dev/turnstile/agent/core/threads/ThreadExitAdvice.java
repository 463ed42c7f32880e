package dev.turnstile.agent.core.threads;

import dev.turnstile.agent.bridge.ThreadSchedules;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Thread.exit()}, which the VM calls on a platform thread as it ends: the thread reads its own
 * scheduler counters one last time, so the part of its life since the last periodic sample is not lost. Virtual
 * threads do not pass here.
 */
final class ThreadExitAdvice {
    private ThreadExitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        ThreadSchedules.onThreadExit();
    }
}
