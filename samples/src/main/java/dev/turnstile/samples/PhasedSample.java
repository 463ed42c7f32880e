package dev.turnstile.samples;

/**
 * A lock that serialises the program only in the middle third of the run. Four workers do 2 ms units of work: in
 * the first and last third each on its own state (in parallel, no waiting), in the middle third inside one shared
 * {@code synchronized} ledger, where they take turns as in the gil sample. The truth line gives the middle third's
 * bounds as wall-clock times (epoch milliseconds) and the share of it the ledger was held.
 */
public final class PhasedSample {

    /** The shared lock of the middle third. */
    static final class Ledger {
        private long heldNanos;

        synchronized void post(long workNanos) {
            long start = System.nanoTime();
            Cpu.burn(workNanos);
            heldNanos += System.nanoTime() - start;
        }

        synchronized long heldNanos() {
            return heldNanos;
        }
    }

    private PhasedSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 9.0, 4);
        Ledger ledger = new Ledger();
        long third = options.nanos() / 3;
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long serialFrom = start + third;
        long serialUntil = start + 2 * third;
        Workers.runFor("phased-worker", options.threads(), options.nanos(), worker -> () -> {
            long now = System.nanoTime();
            if (now >= serialFrom && now < serialUntil) {
                ledger.post(GilSample.INSIDE_NANOS);
            } else {
                Cpu.burn(GilSample.INSIDE_NANOS);
            }
            Cpu.burn(GilSample.OUTSIDE_NANOS);
        });
        new Truth("phased")
                .put("threads", options.threads())
                .put("lock", Ledger.class.getName())
                .put("criticalSection", Ledger.class.getName() + ".post")
                .put("phaseStartEpochMillis", startMillis + third / 1_000_000)
                .put("phaseEndEpochMillis", startMillis + 2 * third / 1_000_000)
                .put("phaseHeldShare", (double) ledger.heldNanos() / third)
                .print();
    }
}
