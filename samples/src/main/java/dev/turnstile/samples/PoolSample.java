package dev.turnstile.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveTask;
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
 * <li>inline: 10 tasks through an executor of the sample's own that runs them on the caller;</li>
 * <li>forkjoin: 50 tasks of 1 ms submitted to a ForkJoinPool of 2 workers, then one fork/join computation (one
 *     submitted task whose forked subtasks are its own work, not the pool's tasks);</li>
 * <li>async: 20 CompletableFuture.supplyAsync calls on a ForkJoinPool of their own.</li>
 * </ul>
 */
public final class PoolSample {
    static final int SATURATED_TASKS = 200;
    static final long SATURATED_RUN_NANOS = 2_000_000;
    static final int REJECTING_TASKS = 20;
    static final int REJECTING_QUEUE = 5;
    static final long REJECTING_RUN_NANOS = 5_000_000;
    static final int SMALL_TASKS = 10;
    static final int FORK_JOIN_TASKS = 50;

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
        forkJoin(truth);
        async(truth);
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

    static void forkJoin(Truth truth) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2, named(new AtomicInteger(), "pool-forkjoin-"), null, false);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < FORK_JOIN_TASKS; i++) {
            results.add(pool.submit(() -> Cpu.burn(1_000_000)));
        }
        for (Future<?> result : results) {
            result.get();
        }
        long sum = pool.submit(new SumTask(0, 1 << 16)).get();
        stop(pool);
        truth.put("forkjoin.tasks", FORK_JOIN_TASKS + 1).put("forkjoin.sum", sum);
    }

    static void async(Truth truth) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2, named(new AtomicInteger(), "pool-async-"), null, false);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < SMALL_TASKS * 2; i++) {
            int n = i;
            results.add(CompletableFuture.supplyAsync(() -> {
                Cpu.burn(500_000);
                return n;
            }, pool));
        }
        int done = 0;
        for (CompletableFuture<Integer> result : results) {
            result.get();
            done++;
        }
        stop(pool);
        truth.put("async.tasks", done);
    }

    /** Sums a range by splitting it in halves down to 1,024 numbers: many forked subtasks, one submission. */
    static final class SumTask extends RecursiveTask<Long> {
        private final int from;
        private final int to;

        SumTask(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from <= 1024) {
                long sum = 0;
                for (int i = from; i < to; i++) {
                    sum += i;
                }
                return sum;
            }
            int middle = (from + to) >>> 1;
            SumTask left = new SumTask(from, middle);
            left.fork();
            return new SumTask(middle, to).compute() + left.join();
        }
    }

    private static ForkJoinPool.ForkJoinWorkerThreadFactory named(AtomicInteger next, String prefix) {
        return pool -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName(prefix + next.incrementAndGet());
            return worker;
        };
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
