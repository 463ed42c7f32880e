package dev.turnstile.agent.core.locks;

import dev.turnstile.agent.bridge.LockWaitEvent;
import dev.turnstile.agent.bridge.LockWaits;
import net.bytebuddy.asm.Advice;

/** As {@link StampedWriteAdvice}, for {@code StampedLock.acquireRead(boolean, boolean, long)}: shared waits. */
final class StampedReadAdvice {
    private StampedReadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static LockWaitEvent enter(@Advice.This Object lock) {
        return LockWaits.begin(lock, true);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Enter LockWaitEvent event, @Advice.This Object lock, @Advice.Return long stamp) {
        LockWaits.end(event, lock, stamp > 1L);
    }
}
