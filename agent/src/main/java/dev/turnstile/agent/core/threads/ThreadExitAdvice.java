package dev.turnstile.agent.core.threads;

import dev.turnstile.agent.bridge.ThreadSchedules;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code Thread.exit()}, which the VM calls on a platform thread as it ends: the thread reads its
 * own scheduler counters one last time, so the part of its life since the last periodic sample is not lost. At the end
 * rather than the start, because exit() itself can wait (for its thread group's lock, among threads that end
 * together). Virtual threads do not pass here.
 */
final class ThreadExitAdvice {
    private ThreadExitAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit() {
        ThreadSchedules.onThreadExit();
    }
}
