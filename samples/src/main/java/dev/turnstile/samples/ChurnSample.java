package dev.turnstile.samples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread churn: a program that starts a fresh platform thread for every small piece of work instead of reusing
 * a pool. It starts waves of short-lived threads from one creator method, {@link #startWave}, each thread burning
 * 0.2 ms of CPU and ending, with a 10 ms pause between waves, until the time is up. On JDK 21+ every other wave
 * goes through a thread-per-task executor, which starts its platform threads another way inside the JDK.
 * The truth is how many threads were started (all from startWave, named {@code churn-<wave>-<n>}), how many of
 * them by the executor, and how long the creator spent starting them, measured around each start.
 */
public final class ChurnSample {
    static final long WORK_NANOS = 200_000;
    static final long PAUSE_MILLIS = 10;
    static final String NAME_PREFIX = "churn-";

    /** {@code Executors.newThreadPerTaskExecutor(ThreadFactory)} on JDK 21+, else null. */
    private static final MethodHandle THREAD_PER_TASK = threadPerTask();

    private final AtomicInteger ran = new AtomicInteger();
    private long started;
    private long startedByExecutor;
    private long startNanos;

    private ChurnSample() {
    }

    /** The creator: starts {@code size} threads at once and waits for all of them to end. */
    private void startWave(int wave, int size) throws Throwable {
        Runnable work = () -> {
            Cpu.burn(WORK_NANOS);
            ran.incrementAndGet();
        };
        AtomicInteger number = new AtomicInteger();
        ThreadFactory named = task -> new Thread(task, NAME_PREFIX + wave + "-" + number.incrementAndGet());
        if (THREAD_PER_TASK != null && wave % 2 == 0) {
            ExecutorService executor = (ExecutorService) THREAD_PER_TASK.invoke(named);
            for (int i = 0; i < size; i++) {
                long before = System.nanoTime();
                executor.execute(work);
                startNanos += System.nanoTime() - before;
                started++;
                startedByExecutor++;
            }
            executor.shutdown();
            executor.awaitTermination(1, TimeUnit.MINUTES);
            return;
        }
        Thread[] threads = new Thread[size];
        for (int i = 0; i < size; i++) {
            threads[i] = named.newThread(work);
        }
        for (Thread thread : threads) {
            long before = System.nanoTime();
            thread.start();
            startNanos += System.nanoTime() - before;
            started++;
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    public static void main(String[] args) throws Throwable {
        SampleOptions options = SampleOptions.parse(args, 3.0, 16);
        ChurnSample churn = new ChurnSample();
        long deadline = System.nanoTime() + options.nanos();
        int waves = 0;
        while (System.nanoTime() < deadline) {
            churn.startWave(++waves, options.threads());
            Thread.sleep(PAUSE_MILLIS);
        }
        new Truth("churn")
                .put("threadsPerWave", options.threads())
                .put("waves", waves)
                .put("started", churn.started)
                .put("startedByExecutor", churn.startedByExecutor)
                .put("ran", churn.ran.get())
                .put("creator", ChurnSample.class.getName() + ".startWave")
                .put("namePrefix", NAME_PREFIX)
                .put("startNanos", churn.startNanos)
                .print();
    }

    private static MethodHandle threadPerTask() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            return MethodHandles.publicLookup().findStatic(java.util.concurrent.Executors.class,
                    "newThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class, ThreadFactory.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
