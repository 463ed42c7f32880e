package dev.turnstile.samples;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * More of everything than a profiler's fixed-size tables hold, with exact counts: first 300 thread pools (one worker
 * each, named overflow-pool-N-1) that each run 10 tasks, then 5,000 distinct fair ReentrantLocks, each taken once by
 * a thread named overflow-taker while the main thread holds it, so that every one of those acquisitions is contended.
 * Turnstile's agent keeps 256 executors and 4,096 locks: it must drop the rest, count what it dropped, and leave the
 * program's own numbers as they are.
 */
public final class OverflowSample {
    static final int EXECUTORS = 300;
    static final int TASKS_PER_EXECUTOR = 10;
    static final int LOCKS = 5_000;

    private OverflowSample() {
    }

    public static void main(String[] args) throws Exception {
        SampleOptions.parse(args, 1.0, 1); // fixed amounts of work: the options are accepted and not needed
        int tasks = runPools();
        int contended = handOffLocks();
        new Truth("overflow")
                .put("executors", EXECUTORS)
                .put("tasks", tasks)
                .put("locks", LOCKS)
                .put("contended", contended)
                .put("lockClass", "java.util.concurrent.locks.ReentrantLock$FairSync")
                .print();
    }

    private static int runPools() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        for (int e = 0; e < EXECUTORS; e++) {
            String prefix = "overflow-pool-" + e + "-";
            AtomicInteger workers = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    task -> new Thread(task, prefix + workers.incrementAndGet()));
            for (int t = 0; t < TASKS_PER_EXECUTOR; t++) {
                pool.execute(ran::incrementAndGet);
            }
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(prefix + " did not finish");
            }
        }
        return ran.get();
    }

    /**
     * The taker takes each lock in turn while main holds it: main takes the next lock before it lets the current one
     * go, and lets it go only once the taker is queued for it.
     *
     * @return the taker's acquisitions, every one of them contended
     */
    private static int handOffLocks() throws InterruptedException {
        ReentrantLock[] locks = new ReentrantLock[LOCKS];
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new ReentrantLock(true); // fair: a synchronizer class the JDK itself hardly uses
        }
        int[] taken = new int[1];
        locks[0].lock();
        Thread taker = new Thread(() -> {
            for (ReentrantLock lock : locks) {
                lock.lock();
                taken[0]++;
                lock.unlock();
            }
        }, "overflow-taker");
        taker.start();
        for (int i = 0; i < LOCKS; i++) {
            if (i + 1 < LOCKS) {
                locks[i + 1].lock();
            }
            while (!locks[i].hasQueuedThreads()) {
                Thread.yield();
            }
            locks[i].unlock();
        }
        taker.join();
        return taken[0];
    }
}
