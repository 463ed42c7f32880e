package dev.turnstile.agent.core.locks;

import dev.turnstile.agent.bridge.LockCounts;
import dev.turnstile.agent.bridge.LockReleases;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into AQS's {@code release(int)}, which runs on every exclusive unlock: an unlock nobody waits for costs
 * the inline check {@code head != tail} (is someone queued?) and a counted acquisition; the holder's side is
 * recorded only when the release hands the lock over to a waiter. {@link Shared} is the same for
 * {@code releaseShared(int)}; two classes keep "shared" a constant.
 */
final class AqsReleaseAdvice {
    private AqsReleaseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.FieldValue("head") Object head, @Advice.FieldValue("tail") Object tail) {
        return head != tail;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter boolean queued, @Advice.This Object sync, @Advice.Return boolean released) {
        if (released) {
            LockCounts.released(sync, false);
            if (queued) {
                LockReleases.handedOver(sync, false);
            }
        }
    }

    static final class Shared {
        private Shared() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static boolean enter(@Advice.FieldValue("head") Object head, @Advice.FieldValue("tail") Object tail) {
            return head != tail;
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Enter boolean queued, @Advice.This Object sync, @Advice.Return boolean released) {
            if (released) {
                LockCounts.released(sync, true);
                if (queued) {
                    LockReleases.handedOver(sync, true);
                }
            }
        }
    }
}
