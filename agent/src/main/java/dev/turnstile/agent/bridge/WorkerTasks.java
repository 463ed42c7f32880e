package dev.turnstile.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A ThreadPoolExecutor worker's first task: handed to the worker when it is created and run without passing through
 * the queue. Read through ThreadPoolExecutor$Worker's private field; the executors module opens
 * java.util.concurrent to the bridge before the first read. Null if that is not possible.
 */
final class WorkerTasks {
    private static final MethodHandle FIRST_TASK = firstTaskGetter();

    private WorkerTasks() {
    }

    static Object firstTask(Object worker) {
        if (FIRST_TASK == null || worker == null) {
            return null;
        }
        try {
            return (Object) FIRST_TASK.invokeExact(worker);
        } catch (Throwable unavailable) {
            return null;
        }
    }

    private static MethodHandle firstTaskGetter() {
        try {
            Class<?> worker = Class.forName("java.util.concurrent.ThreadPoolExecutor$Worker", false, null);
            return MethodHandles.privateLookupIn(worker, MethodHandles.lookup())
                    .findGetter(worker, "firstTask", Runnable.class)
                    .asType(MethodType.methodType(Object.class, Object.class));
        } catch (Throwable notOpened) {
            return null;
        }
    }
}
