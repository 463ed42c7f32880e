package dev.turnstile.agent.core.locks;

import dev.turnstile.agent.bridge.ConditionWaitEvent;
import dev.turnstile.agent.bridge.ConditionWaits;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every {@code await} method of AQS's ConditionObject (and AQLS's). The condition is an inner class
 * of the synchronizer, which it reaches through its compiler-generated {@code this$0} field.
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
        ConditionWaits.end(event, sync);
    }
}
