package dev.turnstile.analyzer.findings;

import java.util.Locale;

/** How findings write numbers in their one-line headlines. */
final class Numbers {
    private Numbers() {
    }

    /** 1.8 s, 230 ms, 45 µs. */
    static String duration(double nanos) {
        if (nanos >= 1e9) {
            return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
        }
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.0f/s" : "%.1f/s", perSecond);
    }
}
