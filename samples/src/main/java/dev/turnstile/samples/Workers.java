package dev.turnstile.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Starts a group of named worker threads that repeat a body until a common deadline, then joins them. */
final class Workers {
    private Workers() {
    }

    /**
     * @param bodyOf gives worker {@code i} (0-based) the body it repeats
     * @return the wall time in nanoseconds from the first start to the last join
     */
    static long runFor(String namePrefix, int threads, long nanos, IntFunction<Runnable> bodyOf)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + nanos;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Runnable body = bodyOf.apply(i);
            workers.add(new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    body.run();
                }
            }, namePrefix + "-" + (i + 1)));
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        return System.nanoTime() - start;
    }
}
