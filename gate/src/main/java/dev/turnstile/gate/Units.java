package dev.turnstile.gate;

import java.util.Locale;

/** Numbers as people read them in gate messages: durations with a unit, shares as percentages. */
final class Units {
    private Units() {
    }

    static String duration(double nanos) {
        double abs = Math.abs(nanos);
        if (abs >= 1e9) {
            return trim(nanos / 1e9) + " s";
        }
        if (abs >= 1e6) {
            return trim(nanos / 1e6) + " ms";
        }
        if (abs >= 1e3) {
            return trim(nanos / 1e3) + " µs";
        }
        return trim(nanos) + " ns";
    }

    static String percent(double share) {
        return trim(share * 100) + " %";
    }

    static String number(double value) {
        return trim(value);
    }

    static String of(double value, MetricKind kind) {
        return switch (kind) {
            case DURATION -> duration(value);
            case SHARE -> percent(value);
            case NUMBER -> number(value);
        };
    }

    /** Three significant digits, without trailing zeros. */
    private static String trim(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        String text = new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
        return text;
    }
}
