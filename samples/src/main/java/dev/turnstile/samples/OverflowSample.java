package dev.turnstile.samples;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * More of everything than a profiler's fixed-size tables hold, with exact counts: on JDK 24 and later (where a
 * virtual thread blocked on a monitor unmounts), 9,000 virtual threads blocked on one monitor at the same time; 300
 * thread pools (one worker each, named overflow-pool-N-1) that each run 10 tasks; then 5,000 distinct fair
 * ReentrantLocks, each taken once by a thread named overflow-taker while the main thread holds it, so that every one
 * of those acquisitions is contended. Turnstile's agent keeps 256 executors, 4,096 locks and 8,192 blocked virtual threads: it
 * must drop the rest, count what it dropped, and leave the program's own numbers as they are.
 */
public final class OverflowSample {
    static final int EXECUTORS = 300;
    static final int TASKS_PER_EXECUTOR = 10;
    static final int LOCKS = 5_000;
    static final int BLOCKED_VIRTUAL_THREADS = 9_000;
    /** The first release where a virtual thread blocked on a monitor unmounts instead of pinning its carrier. */
    static final int UNMOUNTING_FEATURE = 24;

    private OverflowSample() {
    }

    public static void main(String[] args) throws Exception {
        SampleOptions.parse(args, 1.0, 1); // fixed amounts of work: the options are accepted and not needed
        // First: the virtual-thread scheduler is an executor too, and its tasks would be dropped with a full table.
        int blocked = Runtime.version().feature() >= UNMOUNTING_FEATURE ? blockVirtualThreads() : 0;
        int tasks = runPools();
        // Last: once the lock table is full, every contended lock of the JDK's own would be counted as dropped too.
        int contended = handOffLocks();
        new Truth("overflow")
                .put("executors", EXECUTORS)
                .put("tasks", tasks)
                .put("locks", LOCKS)
                .put("contended", contended)
                .put("lockClass", "java.util.concurrent.locks.ReentrantLock$FairSync")
                .put("blockedVirtualThreads", blocked)
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
     * Virtual threads that all try to enter a monitor the main thread holds, released once every one of them is
     * blocked. They are not joined one by one: each join would wait on a latch of its own, 9,000 contended
     * synchronizers that would fill the lock table before the lock phase.
     *
     * @return how many were blocked at the same time
     */
    private static int blockVirtualThreads() throws InterruptedException {
        Object monitor = new Object();
        int[] entered = new int[1];
        Thread[] threads = new Thread[BLOCKED_VIRTUAL_THREADS];
        int blocked = 0;
        synchronized (monitor) {
            for (int i = 0; i < threads.length; i++) {
                threads[i] = VirtualThreads.unstarted("overflow-virtual-" + i, () -> {
                    synchronized (monitor) {
                        entered[0]++;
                    }
                });
                threads[i].start();
            }
            for (Thread thread : threads) {
                while (thread.getState() != Thread.State.BLOCKED) {
                    Thread.sleep(1);
                }
                blocked++;
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            synchronized (monitor) {
                if (entered[0] == blocked) {
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every blocked virtual thread got in within a minute");
            }
            Thread.sleep(1);
        }
        return blocked;
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
