package dev.turnstile.samples;

/**
 * Eight threads that must all pass through one {@code synchronized} method to do their work, the way
 * CPython threads must hold the interpreter lock to run bytecode. Each pass holds the lock for 2 ms of CPU
 * work and then does 0.1 ms outside it, so the lock is held about 95 % of the time or more, seven threads
 * queue behind it, and the program runs at a parallelism of about one whatever the number of cores.
 */
public final class GilSample {
    static final long INSIDE_NANOS = 2_000_000;
    static final long OUTSIDE_NANOS = 100_000;

    /** The single lock every worker needs. */
    static final class Interpreter {
        private long heldNanos;
        private long passes;

        synchronized void execute(long workNanos) {
            long start = System.nanoTime();
            Cpu.burn(workNanos);
            heldNanos += System.nanoTime() - start;
            passes++;
        }

        synchronized long heldNanos() {
            return heldNanos;
        }

        synchronized long passes() {
            return passes;
        }
    }

    private GilSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 8);
        Interpreter interpreter = new Interpreter();
        long wall = Workers.runFor("gil-worker", options.threads(), options.nanos(), worker -> () -> {
            interpreter.execute(INSIDE_NANOS);
            Cpu.burn(OUTSIDE_NANOS);
        });
        new Truth("gil")
                .put("threads", options.threads())
                .put("lock", Interpreter.class.getName())
                .put("criticalSection", Interpreter.class.getName() + ".execute")
                .put("passes", interpreter.passes())
                .put("heldShare", (double) interpreter.heldNanos() / wall)
                .print();
    }
}
