package dev.turnstile.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pools with known numbers, one phase each; worker threads are named pool-PHASE-N:
 * <ul>
 * <li>saturated: 200 tasks of 2 ms each submitted at once to 2 workers, so the queue builds and the last tasks wait
 *     about 200 ms;</li>
 * <li>rejecting: 20 tasks of 5 ms submitted at once to 1 worker with a queue of 5: the rest are rejected;</li>
 * <li>repeated: one Runnable object submitted 10 times to 1 worker (its submissions cannot be told apart);</li>
 * <li>scheduled: 10 tasks scheduled 10 to 100 ms ahead on a one-worker scheduler;</li>
 * <li>single: 10 tasks through Executors.newSingleThreadExecutor, a wrapper around a ThreadPoolExecutor;</li>
 * <li>inline: 10 tasks through an executor of the sample's own that runs them on the caller.</li>
 * </ul>
 */
public final class PoolSample {
    static final int SATURATED_TASKS = 200;
    static final long SATURATED_RUN_NANOS = 2_000_000;
    static final int REJECTING_TASKS = 20;
    static final int REJECTING_QUEUE = 5;
    static final long REJECTING_RUN_NANOS = 5_000_000;
    static final int SMALL_TASKS = 10;

    /** The sample's own executor: runs each task at once on the calling thread. */
    static final class InlineExecutor implements Executor {
        @Override
        public void execute(Runnable task) {
            task.run();
        }
    }

    private PoolSample() {
    }

    public static void main(String[] args) throws Exception {
        Truth truth = new Truth("pool");
        saturated(truth);
        rejecting(truth);
        repeated(truth);
        scheduled(truth);
        single(truth);
        inline(truth);
        truth.print();
    }

    static void saturated(Truth truth) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("pool-saturated-"));
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < SATURATED_TASKS; i++) {
            results.add(pool.submit(() -> Cpu.burn(SATURATED_RUN_NANOS)));
        }
        for (Future<?> result : results) {
            result.get();
        }
        stop(pool);
        truth.put("saturated.tasks", SATURATED_TASKS).put("saturated.workers", 2)
                .put("saturated.runMillis", SATURATED_RUN_NANOS / 1_000_000);
    }

    static void rejecting(Truth truth) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(REJECTING_QUEUE), named("pool-rejecting-"));
        int rejected = 0;
        for (int i = 0; i < REJECTING_TASKS; i++) {
            long runNanos = REJECTING_RUN_NANOS + i; // each task its own object
            try {
                pool.execute(() -> Cpu.burn(runNanos));
            } catch (RejectedExecutionException e) {
                rejected++;
            }
        }
        stop(pool);
        truth.put("rejecting.submitted", REJECTING_TASKS).put("rejecting.rejected", rejected)
                .put("rejecting.completed", REJECTING_TASKS - rejected);
    }

    static void repeated(Truth truth) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("pool-repeated-"));
        AtomicInteger ran = new AtomicInteger();
        Runnable shared = () -> {
            Cpu.burn(1_000_000);
            ran.incrementAndGet();
        };
        for (int i = 0; i < SMALL_TASKS; i++) {
            pool.execute(shared);
        }
        stop(pool);
        truth.put("repeated.tasks", ran.get());
    }

    static void scheduled(Truth truth) throws Exception {
        ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1, named("pool-scheduled-"));
        List<ScheduledFuture<?>> results = new ArrayList<>();
        for (int i = 1; i <= SMALL_TASKS; i++) {
            results.add(scheduler.schedule(() -> Cpu.burn(100_000), i * 10L, TimeUnit.MILLISECONDS));
        }
        for (ScheduledFuture<?> result : results) {
            result.get();
        }
        stop(scheduler);
        truth.put("scheduled.tasks", SMALL_TASKS);
    }

    static void single(Truth truth) throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor(named("pool-single-"));
        for (int i = 0; i < SMALL_TASKS; i++) {
            single.submit(() -> Cpu.burn(100_000)).get();
        }
        stop(single);
        truth.put("single.tasks", SMALL_TASKS);
    }

    static void inline(Truth truth) {
        Executor inline = new InlineExecutor();
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < SMALL_TASKS; i++) {
            inline.execute(ran::incrementAndGet);
        }
        truth.put("inline.tasks", ran.get()).put("inline.class", InlineExecutor.class.getName());
    }

    private static void stop(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pool did not finish");
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> new Thread(task, prefix + next.incrementAndGet());
    }
}
