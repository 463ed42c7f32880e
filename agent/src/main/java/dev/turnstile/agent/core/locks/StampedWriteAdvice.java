package dev.turnstile.agent.core.locks;

import dev.turnstile.agent.bridge.LockWaitEvent;
import dev.turnstile.agent.bridge.LockWaits;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code StampedLock.acquireWrite(boolean, boolean, long)}, the slow path of every write lock that
 * could not be taken at once. It returns the new stamp, 0 on timeout, or 1 when interrupted.
 */
final class StampedWriteAdvice {
    private StampedWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static LockWaitEvent enter(@Advice.This Object lock) {
        return LockWaits.begin(lock, false);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Enter LockWaitEvent event, @Advice.This Object lock, @Advice.Return long stamp) {
        LockWaits.end(event, lock, stamp > 1L);
    }
}
