package dev.turnstile.junit.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The examples' workload: threads that each repeat a step until a deadline. */
final class Work {
    static final int THREADS = 6;
    /** Long enough for hundreds of contended passes through a 1 ms critical section. */
    static final long NANOS = 1_500_000_000L;

    private Work() {
    }

    /** Runs {@code step(i)} repeatedly on THREADS threads for NANOS, and waits for them. */
    static void inParallel(IntFunction<Runnable> step) throws InterruptedException {
        long end = System.nanoTime() + NANOS;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Runnable work = step.apply(i);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    work.run();
                }
            }, "example-worker-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** CPU work that the JIT cannot remove. */
    static long burn(long nanos) {
        long start = System.nanoTime();
        long x = 0;
        while (System.nanoTime() - start < nanos) {
            x += x * 31 + 7;
        }
        return x;
    }
}
