package dev.turnstile.samples;

/**
 * Four threads take turns on one {@code synchronized} method that they reach at the bottom of a 1,500-frame recursion,
 * as code deep inside layers of frameworks does. Each pass holds the lock for 1 ms. JFR keeps 64 frames of a stack by
 * default; recorded with {@code -XX:FlightRecorderOptions:stackdepth=2048}, every wait carries all 1,500 frames, which
 * is what a reader of the recording must cope with.
 */
public final class DeepStackSample {
    static final int DEPTH = 1_500;
    static final long INSIDE_NANOS = 1_000_000;

    /** The lock at the bottom. */
    static final class Bottom {
        private long passes;

        synchronized void work() {
            Cpu.burn(INSIDE_NANOS);
            passes++;
        }

        synchronized long passes() {
            return passes;
        }
    }

    private DeepStackSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 4);
        Bottom bottom = new Bottom();
        Workers.runFor("deep-worker", options.threads(), options.nanos(), worker -> () -> descend(DEPTH, bottom));
        new Truth("deepstack")
                .put("threads", options.threads())
                .put("depth", DEPTH)
                .put("lock", Bottom.class.getName())
                .put("criticalSection", Bottom.class.getName() + ".work")
                .put("passes", bottom.passes())
                .print();
    }

    /** {@code frames} calls deep, then the lock. */
    static void descend(int frames, Bottom bottom) {
        if (frames == 0) {
            bottom.work();
            return;
        }
        descend(frames - 1, bottom);
    }
}
