package dev.turnstile.agent.core.threads;

import dev.turnstile.agent.bridge.ThreadStartEvent;
import dev.turnstile.agent.bridge.ThreadStarts;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Thread.start()} and, on JDK 21+, {@code Thread.start(ThreadContainer)}: the two ways a
 * platform thread is started (the second by thread-per-task executors and structured concurrency). Neither
 * calls the other, so each start is seen once. Virtual threads override both and are not seen here.
 */
final class ThreadStartAdvice {
    private ThreadStartAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadStartEvent enter() {
        return ThreadStarts.begin();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadStartEvent event, @Advice.This Thread thread,
                     @Advice.Thrown Throwable thrown) {
        ThreadStarts.end(event, thread, thrown == null);
    }
}
