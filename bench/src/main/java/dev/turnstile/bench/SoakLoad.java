package dev.turnstile.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The load {@link Soak} keeps under the agent for minutes: everything the agent keeps tables for, over and over.
 * Threads queue on one monitor and on one ReentrantLock; a pair of threads contends on a new lock every 50 ms (so
 * the agent sees thousands of distinct locks); a small pool runs tasks that take a lock; a thread is started and
 * joined every 20 ms (tens of thousands of short-lived threads); a producer and a consumer hand items through a
 * bounded queue (condition waits).
 *
 * <p>Every {@code --every} seconds it collects garbage and prints one {@code soak-sample} line: heap used after that
 * collection, metaspace used, live Java threads and the work done so far. Collecting first makes the heap figure the
 * live data, not whatever garbage happens to be waiting.
 *
 * <pre>java -javaagent:turnstile-agent.jar -cp benchmarks.jar dev.turnstile.bench.SoakLoad --seconds 600 --every 5</pre>
 */
public final class SoakLoad {
    private static final Object MONITOR = new Object();
    private static final ReentrantLock SHARED = new ReentrantLock();
    private static final long HOLD_NANOS = 200_000;
    private static final long OUTSIDE_NANOS = 50_000;
    private static final AtomicLong PASSES = new AtomicLong();
    private static volatile ReentrantLock fresh = new ReentrantLock();
    private static volatile long sink;

    private SoakLoad() {
    }

    public static void main(String[] args) throws InterruptedException {
        double seconds = 600;
        double every = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--every" -> every = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(loop("monitor-" + i, deadline, () -> {
                synchronized (MONITOR) {
                    spin(HOLD_NANOS);
                }
            }));
            threads.add(loop("shared-" + i, deadline, () -> {
                SHARED.lock();
                try {
                    spin(HOLD_NANOS);
                } finally {
                    SHARED.unlock();
                }
            }));
        }
        for (int i = 0; i < 2; i++) {
            threads.add(loop("fresh-" + i, deadline, () -> {
                ReentrantLock lock = fresh;
                lock.lock();
                try {
                    spin(HOLD_NANOS);
                } finally {
                    lock.unlock();
                }
            }));
        }
        threads.add(loop("fresh-maker", deadline, () -> {
            fresh = new ReentrantLock();
            sleep(50);
        }));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                new ThreadPoolExecutor.CallerRunsPolicy());
        threads.add(loop("submitter", deadline, () -> {
            pool.execute(() -> {
                synchronized (pool) {
                    spin(HOLD_NANOS / 4);
                }
            });
            spin(OUTSIDE_NANOS);
        }));
        threads.add(loop("churner", deadline, () -> {
            Thread child = new Thread(() -> spin(OUTSIDE_NANOS), "short-lived");
            child.start();
            try {
                child.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sleep(20);
        }));
        BlockingQueue<Long> handoff = new ArrayBlockingQueue<>(4);
        threads.add(loop("producer", deadline, () -> {
            try {
                handoff.offer(System.nanoTime(), 100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sleep(1);
        }));
        threads.add(loop("consumer", deadline, () -> {
            try {
                Long item = handoff.poll(100, TimeUnit.MILLISECONDS);
                sink += item == null ? 0 : item;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        threads.forEach(Thread::start);

        long everyNanos = (long) (every * 1e9);
        for (long next = start + everyNanos; next < deadline; next += everyNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            report(start);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        System.out.println("soak-done passes=" + PASSES.get());
    }

    private static void report(long start) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        System.out.printf(Locale.ROOT, "soak-sample seconds=%.1f heapAfterGc=%d metaspace=%d javaThreads=%d passes=%d%n",
                (System.nanoTime() - start) / 1e9, heap, metaspace, threads, PASSES.get());
    }

    private static Thread loop(String name, long deadline, Runnable body) {
        return new Thread(() -> {
            while (System.nanoTime() < deadline) {
                body.run();
                PASSES.incrementAndGet();
                spin(OUTSIDE_NANOS);
            }
        }, name);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) {
            x++;
        }
        sink += x;
    }
}
