package dev.turnstile.agent.core.locks;

import dev.turnstile.agent.bridge.LockCounts;
import dev.turnstile.agent.bridge.LockReleases;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into StampedLock's {@code releaseWrite(long)}, which every write unlock goes through: counts the
 * acquisition and, when threads are queued (the inline {@code head != tail}), records the holder's side as for AQS
 * locks. {@link Read} is the same for the read unlocks, which hand the lock over only when the last reader leaves.
 */
final class StampedReleaseAdvice {
    /** StampedLock's reader-count bits (its private RBITS): zero when no reader holds the lock. */
    static final long READER_BITS = (1L << 7) - 1;

    private StampedReleaseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.FieldValue("head") Object head, @Advice.FieldValue("tail") Object tail) {
        return head != tail;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter boolean queued, @Advice.This Object lock) {
        LockCounts.released(lock, false);
        if (queued) {
            LockReleases.handedOver(lock, false);
        }
    }

    /** For {@code unlockRead(long)} and {@code unstampedUnlockRead()} (the read-lock view's unlock). */
    static final class Read {
        private Read() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static boolean enter(@Advice.FieldValue("head") Object head, @Advice.FieldValue("tail") Object tail) {
            return head != tail;
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Enter boolean queued, @Advice.This Object lock,
                         @Advice.FieldValue("state") long state) {
            LockCounts.released(lock, true);
            if (queued && (state & READER_BITS) == 0) {
                LockReleases.handedOver(lock, true);
            }
        }
    }
}
