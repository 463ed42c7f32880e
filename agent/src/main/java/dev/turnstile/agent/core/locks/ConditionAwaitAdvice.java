package dev.turnstile.agent.core.locks;

import dev.turnstile.agent.bridge.ConditionWaitEvent;
import dev.turnstile.agent.bridge.ConditionWaits;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every {@code await} method of AQS's ConditionObject (and AQLS's). The condition is an inner class
 * of the synchronizer, which it reaches through its compiler-generated {@code this$0} field. The untimed forms
 * return nothing and never time out; the timed forms say by their return value whether the signal came in time,
 * each in its own way, so each has its own exit advice.
 */
final class ConditionAwaitAdvice {
    private ConditionAwaitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ConditionWaitEvent enter(@Advice.FieldValue("this$0") Object sync) {
        return ConditionWaits.begin(sync);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Enter ConditionWaitEvent event, @Advice.FieldValue("this$0") Object sync) {
        ConditionWaits.end(event, sync, false);
    }

    /** {@code await(long, TimeUnit)} and {@code awaitUntil(Date)}: false when the time ran out. */
    static final class Timed {
        private Timed() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ConditionWaitEvent enter(@Advice.FieldValue("this$0") Object sync) {
            return ConditionWaits.begin(sync);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.Enter ConditionWaitEvent event, @Advice.FieldValue("this$0") Object sync,
                         @Advice.Return boolean signalled, @Advice.Thrown Throwable thrown) {
            ConditionWaits.end(event, sync, thrown == null && !signalled);
        }
    }

    /** {@code awaitNanos(long)}: the time left, at most 0 when it ran out. */
    static final class Nanos {
        private Nanos() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ConditionWaitEvent enter(@Advice.FieldValue("this$0") Object sync) {
            return ConditionWaits.begin(sync);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.Enter ConditionWaitEvent event, @Advice.FieldValue("this$0") Object sync,
                         @Advice.Return long remaining, @Advice.Thrown Throwable thrown) {
            ConditionWaits.end(event, sync, thrown == null && remaining <= 0);
        }
    }
}
