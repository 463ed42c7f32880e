package dev.turnstile.agent.core.threads;

import dev.turnstile.agent.bridge.VirtualThreadBlocks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code VirtualThread.afterYield()}, which a carrier runs right after a virtual thread unmounted
 * (parking, yielding, waiting, or, since JDK 24, blocking on monitor enter).
 */
final class VirtualThreadUnmountAdvice {
    private VirtualThreadUnmountAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Thread vthread) {
        VirtualThreadBlocks.unmounted(vthread);
    }
}
