package dev.turnstile.agent.core.executors;

import dev.turnstile.agent.bridge.Pools;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ThreadPoolExecutor.addWorker(Runnable firstTask, boolean)}, which {@code execute} calls to start a
 * worker for the task being submitted: the task as it is handed over, after any other agent's advice in
 * {@code execute} replaced it.
 */
final class TpeAddWorkerAdvice {
    private TpeAddWorkerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object firstTask) {
        Pools.toNewWorker(firstTask);
    }
}
