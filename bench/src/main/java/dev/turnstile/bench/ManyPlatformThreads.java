package dev.turnstile.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Many platform threads at once, for {@code BenchMain scale}: starts N threads, which all wait at a gate until the last
 * one has started (so N are alive together), then each takes a few monitors and {@link ReentrantLock}s a few times,
 * holding each a few microseconds (brief contention, four of each kind), and ends. Prints
 * {@code threads=N passes=P nanos=T startNanos=S}: T from the first start to the last join, S of it until the last
 * thread had started (the rest is the locks).
 *
 * <pre>ManyPlatformThreads N</pre>
 */
public final class ManyPlatformThreads {
    private static final int LOCKS = 4;
    private static final int PASSES = 10;
    private static final long HOLD_NANOS = 5_000;
    private static final Object[] MONITORS = new Object[LOCKS];
    private static final ReentrantLock[] JUC_LOCKS = new ReentrantLock[LOCKS];
    private static volatile long sink;

    static {
        for (int i = 0; i < LOCKS; i++) {
            MONITORS[i] = new Object();
            JUC_LOCKS[i] = new ReentrantLock();
        }
    }

    private ManyPlatformThreads() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        CountDownLatch gate = new CountDownLatch(1);
        long[] passes = new long[count];
        List<Thread> threads = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int pass = 0; pass < PASSES; pass++) {
                    int lock = (index + pass) % LOCKS;
                    synchronized (MONITORS[lock]) {
                        spin(HOLD_NANOS);
                    }
                    JUC_LOCKS[lock].lock();
                    try {
                        spin(HOLD_NANOS);
                    } finally {
                        JUC_LOCKS[lock].unlock();
                    }
                    passes[index]++;
                }
            }, "crowd-" + i);
            threads.add(thread);
            thread.start();
        }
        long started = System.nanoTime();
        gate.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - start;
        long total = 0;
        for (long p : passes) {
            total += p;
        }
        System.out.println("threads=" + count + " passes=" + total + " nanos=" + nanos + " startNanos=" + (started - start));
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            sink++;
        }
    }
}
