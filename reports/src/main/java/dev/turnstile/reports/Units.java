package dev.turnstile.reports;

import java.util.Locale;

/** How numbers read in text: durations with a fitting unit, shares as percentages, counts grouped. */
public final class Units {
    private Units() {
    }

    public static String duration(long nanos) {
        if (nanos >= 100_000_000_000L) {
            return String.format(Locale.ROOT, "%.0f s", nanos / 1e9);
        }
        if (nanos >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (nanos >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (nanos >= 1_000L) {
            return String.format(Locale.ROOT, "%.0f us", nanos / 1e3);
        }
        return nanos + " ns";
    }

    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String decimal(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    public static String shortClass(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
