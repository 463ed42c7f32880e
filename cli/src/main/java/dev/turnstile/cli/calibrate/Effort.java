package dev.turnstile.cli.calibrate;

/** How long calibrate measures: thoroughly by default (under half a minute), or briefly for tests and a first look. */
public enum Effort {
    /** About a second per figure: half a second of warm-up, then the median of 31 batches of 15 ms. */
    THOROUGH(15, 500, 31, 2_500),
    /** A few seconds in all, mostly JVM start-ups: rougher figures whose order is still right. */
    QUICK(4, 250, 9, 500);

    final int batchMillis;
    final int warmupMillis;
    final int repetitions;
    final int budgetMillis;

    Effort(int batchMillis, int warmupMillis, int repetitions, int budgetMillis) {
        this.batchMillis = batchMillis;
        this.warmupMillis = warmupMillis;
        this.repetitions = repetitions;
        this.budgetMillis = budgetMillis;
    }
}
