package dev.turnstile.cli.calibrate;

import java.util.Locale;

/**
 * Durations in the table, from nanoseconds to milliseconds. A row's median chooses the unit and the precision, and
 * its range uses the same, so the three numbers compare at a glance.
 */
final class Nanos {
    /** @param decimals digits after the point, enough for about three significant digits */
    record Unit(String name, double nanos, int decimals) {
        String format(double value) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value / nanos);
        }
    }

    private Nanos() {
    }

    static Unit unitFor(double nanos) {
        if (nanos < 1_000) {
            return new Unit("ns", 1, nanos < 10 ? 1 : 0);
        }
        if (nanos < 1_000_000) {
            return new Unit("us", 1_000, nanos < 10_000 ? 2 : nanos < 100_000 ? 1 : 0);
        }
        return new Unit("ms", 1_000_000, nanos < 10_000_000 ? 2 : 1);
    }

    static String format(double nanos) {
        Unit unit = unitFor(nanos);
        return unit.format(nanos) + " " + unit.name();
    }
}
