package dev.turnstile.samples;

/**
 * Four threads take turns on one {@code synchronized} method whose holder spends most of its hold asleep: each
 * pass burns 1 ms of CPU and then sleeps 4 ms inside the lock (a slow remote call made while holding a lock,
 * in miniature). Waiters queue behind a holder that is not running: about 80 % of the time it made others wait
 * it was sleeping, and 20 % it was on a CPU.
 */
public final class SleepyHolderSample {
    static final long BURN_NANOS = 1_000_000;
    static final long SLEEP_MILLIS = 4;

    /** The lock every worker needs. */
    static final class Gateway {
        private long heldNanos;
        private long sleptNanos;
        private long passes;

        synchronized void call() throws InterruptedException {
            long start = System.nanoTime();
            Cpu.burn(BURN_NANOS);
            long slept = System.nanoTime();
            Thread.sleep(SLEEP_MILLIS);
            long end = System.nanoTime();
            sleptNanos += end - slept;
            heldNanos += end - start;
            passes++;
        }

        synchronized double sleepingShare() {
            return heldNanos == 0 ? 0 : (double) sleptNanos / heldNanos;
        }

        synchronized long heldNanos() {
            return heldNanos;
        }

        synchronized long passes() {
            return passes;
        }
    }

    private SleepyHolderSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 4);
        Gateway gateway = new Gateway();
        long wall = Workers.runFor("sleepy-worker", options.threads(), options.nanos(), worker -> () -> {
            try {
                gateway.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        new Truth("sleepyholder")
                .put("threads", options.threads())
                .put("lock", Gateway.class.getName())
                .put("criticalSection", Gateway.class.getName() + ".call")
                .put("passes", gateway.passes())
                .put("heldShare", (double) gateway.heldNanos() / wall)
                .put("holderSleepingShare", gateway.sleepingShare())
                .print();
    }
}
