package dev.turnstile.agent.core.processes;

import dev.turnstile.agent.bridge.ProcessStartEvent;
import dev.turnstile.agent.bridge.Spawns;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the private {@code ProcessBuilder.start(Redirect[])}, which {@code ProcessBuilder.start()},
 * {@code Runtime.exec} and {@code ProcessBuilder.startPipeline} (once per stage) all call, and through which every
 * child process of the program is started.
 */
final class ProcessStartAdvice {
    private ProcessStartAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ProcessStartEvent enter() {
        return Spawns.begin();
    }

    /** Runs when the spawn returned or threw; what it threw goes on to the program unchanged. */
    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Enter ProcessStartEvent event, @Advice.This ProcessBuilder builder,
                     @Advice.Return Process process, @Advice.Thrown Throwable failure) {
        Spawns.end(event, builder, process, failure);
    }
}
