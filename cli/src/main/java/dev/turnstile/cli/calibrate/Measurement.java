package dev.turnstile.cli.calibrate;

import java.util.List;

/**
 * One row of calibrate's table: a measured figure, or why it is missing (then the analyzer keeps the default).
 *
 * @param medianNanos the median over repetitions of the mean cost per operation in each, at least 1
 * @param minNanos    the fastest repetition's mean
 * @param maxNanos    the slowest repetition's mean
 * @param batch       operations per repetition
 * @param note        what the figure depends on (pinning, the JDK used, the command spawned), or null
 * @param missing     why there is no figure ("skipped: needs JDK 21+", "failed: ..."), or null
 */
public record Measurement(Probe probe, double medianNanos, double minNanos, double maxNanos, int repetitions,
                          int batch, String note, String missing) {

    static Measurement of(Probe probe, List<Double> nanosEach, int batch, String note) {
        List<Double> sorted = nanosEach.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Measurement(probe, median, sorted.get(0), sorted.get(n - 1), n, batch, note, null);
    }

    static Measurement missing(Probe probe, String why) {
        return new Measurement(probe, 0, 0, 0, 0, 0, null, why);
    }

    public boolean isMeasured() {
        return missing == null;
    }

    /** The figure as the calibration file keeps it: whole nanoseconds, never 0 (the file takes positive figures). */
    public long savedNanos() {
        return Math.max(1, Math.round(medianNanos));
    }

    Measurement withNote(String extra) {
        if (extra == null || extra.isEmpty()) {
            return this;
        }
        return new Measurement(probe, medianNanos, minNanos, maxNanos, repetitions, batch,
                note == null ? extra : extra + "; " + note, missing);
    }
}
