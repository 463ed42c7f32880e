package dev.turnstile.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes events as fast as a program can cause them, to make large recordings for {@link AnalyzerSpeed}: four threads
 * take a monitor and a ReentrantLock in turn, holding each a few microseconds so that others queue and park, and 32
 * threads park for a microsecond at a time (each park is a jdk.ThreadPark event at threshold 0), all 20 frames deep
 * so stacks look like an application's. Run it under the agent with {@code threshold=0}.
 *
 * <pre>java -javaagent:turnstile-agent.jar=threshold=0,file=big.jfr -cp benchmarks.jar dev.turnstile.bench.EventStorm SECONDS</pre>
 */
public final class EventStorm {
    private static final Object MONITOR = new Object();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final int DEPTH = 20;
    private static final long HOLD_NANOS = 3_000;
    private static final int LOCKERS = 4;
    /** A short park sleeps for the timer slack (about 50 us), not for the CPU: many parkers make many events. */
    private static final int PARKERS = 32;
    private static volatile long sink;

    private EventStorm() {
    }

    public static void main(String[] args) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (Double.parseDouble(args[0]) * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < LOCKERS + PARKERS; i++) {
            boolean parker = i >= LOCKERS;
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    descend(DEPTH, parker);
                }
            }, (parker ? "parker-" : "storm-") + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void descend(int depth, boolean parker) {
        if (depth > 0) {
            descend(depth - 1, parker);
            return;
        }
        for (int i = 0; i < 100; i++) {
            if (parker) {
                LockSupport.parkNanos(1_000);
                continue;
            }
            synchronized (MONITOR) {
                spin(HOLD_NANOS);
            }
            LOCK.lock();
            try {
                spin(HOLD_NANOS);
            } finally {
                LOCK.unlock();
            }
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            sink++;
        }
    }
}
