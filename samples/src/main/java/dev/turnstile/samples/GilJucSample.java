package dev.turnstile.samples;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link GilSample} with a {@link ReentrantLock} in place of {@code synchronized}: the same truth, but
 * the contention is only visible to a profiler that instruments java.util.concurrent locks.
 */
public final class GilJucSample {

    /** The single lock every worker needs. */
    static final class Interpreter {
        private final ReentrantLock lock = new ReentrantLock();
        private long heldNanos;
        private long passes;

        void execute(long workNanos) {
            lock.lock();
            try {
                long start = System.nanoTime();
                Cpu.burn(workNanos);
                heldNanos += System.nanoTime() - start;
                passes++;
            } finally {
                lock.unlock();
            }
        }

        long heldNanos() {
            lock.lock();
            try {
                return heldNanos;
            } finally {
                lock.unlock();
            }
        }

        long passes() {
            lock.lock();
            try {
                return passes;
            } finally {
                lock.unlock();
            }
        }
    }

    private GilJucSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 8);
        Interpreter interpreter = new Interpreter();
        long wall = Workers.runFor("gil-juc-worker", options.threads(), options.nanos(), worker -> () -> {
            interpreter.execute(GilSample.INSIDE_NANOS);
            Cpu.burn(GilSample.OUTSIDE_NANOS);
        });
        new Truth("gil-juc")
                .put("threads", options.threads())
                .put("lock", ReentrantLock.class.getName())
                .put("criticalSection", Interpreter.class.getName() + ".execute")
                .put("passes", interpreter.passes())
                .put("heldShare", (double) interpreter.heldNanos() / wall)
                .print();
    }
}
