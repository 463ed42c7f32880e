package dev.turnstile.agent.core.locks;

import dev.turnstile.agent.bridge.LockWaitEvent;
import dev.turnstile.agent.bridge.LockWaits;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code AbstractQueuedSynchronizer.acquire(Node, int, boolean shared, boolean, boolean, long)},
 * the slow path every contended acquire of every AQS-based synchronizer goes through exactly once, however
 * often it parks. The fast path ({@code tryAcquire} succeeding in {@code lock()}) never gets here.
 */
final class AqsAcquireAdvice {
    private AqsAcquireAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static LockWaitEvent enter(@Advice.This Object sync, @Advice.Argument(2) boolean shared) {
        return LockWaits.begin(sync, shared);
    }

    /** {@code acquire} returns a positive value if it took the lock, 0 on timeout, negative on interrupt. */
    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Enter LockWaitEvent event, @Advice.This Object sync, @Advice.Return int result) {
        LockWaits.end(event, sync, result > 0);
    }
}
