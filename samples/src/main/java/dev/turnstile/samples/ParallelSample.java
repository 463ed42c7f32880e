package dev.turnstile.samples;

/**
 * The negative control: the gil sample's work with nothing shared. Each worker has its own lock, so no
 * thread ever waits for another; one worker per core, so no thread waits for a CPU either. A profiler that
 * reports contention or serialisation here is wrong.
 */
public final class ParallelSample {

    /** One per worker: taken on every pass, never contended. */
    static final class PrivateInterpreter {
        private long passes;

        synchronized void execute(long workNanos) {
            Cpu.burn(workNanos);
            passes++;
        }

        synchronized long passes() {
            return passes;
        }
    }

    private ParallelSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, Runtime.getRuntime().availableProcessors());
        PrivateInterpreter[] interpreters = new PrivateInterpreter[options.threads()];
        for (int i = 0; i < interpreters.length; i++) {
            interpreters[i] = new PrivateInterpreter();
        }
        Workers.runFor("parallel-worker", options.threads(), options.nanos(), worker -> () -> {
            interpreters[worker].execute(GilSample.INSIDE_NANOS);
            Cpu.burn(GilSample.OUTSIDE_NANOS);
        });
        long passes = 0;
        for (PrivateInterpreter interpreter : interpreters) {
            passes += interpreter.passes();
        }
        new Truth("parallel")
                .put("threads", options.threads())
                .put("sharedLocks", 0)
                .put("passes", passes)
                .print();
    }
}
