package dev.turnstile.agent.core.threads;

import dev.turnstile.agent.bridge.VirtualThreadBlocks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code VirtualThread.mount()}: the carrier has won the right to run the virtual thread,
 * which is still unmounted.
 */
final class VirtualThreadMountAdvice {
    private VirtualThreadMountAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Thread vthread, @Advice.FieldValue("cont") Object continuation) {
        VirtualThreadBlocks.mounting(vthread, continuation);
    }
}
