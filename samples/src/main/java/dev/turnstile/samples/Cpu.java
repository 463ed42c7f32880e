package dev.turnstile.samples;

/** Burns CPU for a given time, so that a sample's work has a known length. */
final class Cpu {
    /** Keeps the computation observable so the JIT cannot remove the loop. */
    static volatile long sink;

    private Cpu() {
    }

    static void burn(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long x = sink;
        do {
            for (int i = 0; i < 64; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        } while (System.nanoTime() < deadline);
        sink = x;
    }
}
