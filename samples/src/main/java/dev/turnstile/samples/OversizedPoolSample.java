package dev.turnstile.samples;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An oversized pool: 32 workers (all started up front) serve one task of 1 ms of CPU every 5 ms, an offered load of
 * 0.2 workers, so on average 31.8 of them sit idle. The truth is the workers, the tasks, and the offered load from the
 * measured run times.
 */
public final class OversizedPoolSample {
    static final int WORKERS = 32;
    static final long TASK_NANOS = 1_000_000;
    static final long INTERVAL_NANOS = 5_000_000;

    private OversizedPoolSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, WORKERS);
        AtomicInteger index = new AtomicInteger();
        ThreadFactory named = task -> new Thread(task, "pool-oversized-" + index.incrementAndGet());
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(options.threads(), named);
        pool.prestartAllCoreThreads();
        long end = System.nanoTime() + options.nanos();
        long next = System.nanoTime();
        long submitted = 0;
        while (next < end) {
            pool.execute(() -> Cpu.burn(TASK_NANOS));
            submitted++;
            next += INTERVAL_NANOS;
            LockSupport.parkNanos(next - System.nanoTime());
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        new Truth("oversized").put("workers", options.threads()).put("tasks", submitted)
                .put("taskMillis", TASK_NANOS / 1e6).put("intervalMillis", INTERVAL_NANOS / 1e6).print();
    }
}
