package dev.turnstile.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and range of repeated measurements: these machines are too noisy for single numbers or means. */
record Stats(double median, double min, double max, int n) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
    }

    String format(String unit) {
        return String.format(Locale.ROOT, "%.1f %s (%.1f–%.1f, n=%d)", median, unit, min, max, n);
    }
}
