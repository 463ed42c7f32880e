package dev.turnstile.gate;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number in a rules file with its unit: a duration ({@code 50ms}, {@code 1.5s}), a percentage ({@code 5%}) or a
 * plain number. Held in the report's own units: nanoseconds, and fractions of one for percentages.
 */
record Quantity(double value, Unit unit) {
    enum Unit { DURATION, PERCENT, PLAIN }

    private static final Pattern WRITTEN = Pattern.compile("([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*([a-zµ%]*)");
    private static final Map<String, Double> NANOS_PER = Map.of("ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6,
            "s", 1e9, "m", 60e9, "min", 60e9);

    /** @param written as the YAML gave it: a number, or text such as {@code 50ms} */
    static Quantity parse(Object written, String where) throws GateException {
        if (written instanceof Number number) {
            return new Quantity(number.doubleValue(), Unit.PLAIN);
        }
        String text = String.valueOf(written).trim().toLowerCase(Locale.ROOT);
        Matcher m = WRITTEN.matcher(text);
        if (!m.matches()) {
            throw new GateException(where + ": '" + written + "' is not a number, a duration (50ms, 2s) or a"
                    + " percentage (5%)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return new Quantity(number, Unit.PLAIN);
        }
        if (unit.equals("%")) {
            return new Quantity(number / 100, Unit.PERCENT);
        }
        Double factor = NANOS_PER.get(unit);
        if (factor == null) {
            throw new GateException(where + ": unknown unit '" + unit + "' in '" + written
                    + "' (durations: ns, us, ms, s, m; shares: %)");
        }
        return new Quantity(number * factor, Unit.DURATION);
    }

    /** The value in the metric's units, if this quantity is written in units that fit it. */
    double in(Metric metric, String where) throws GateException {
        boolean fits = switch (metric.kind()) {
            case DURATION -> unit == Unit.DURATION;
            case SHARE -> unit != Unit.DURATION;
            case NUMBER -> unit == Unit.PLAIN;
        };
        if (!fits) {
            String expected = switch (metric.kind()) {
                case DURATION -> "a duration such as 50ms";
                case SHARE -> "a percentage such as 5% or a fraction such as 0.05";
                case NUMBER -> "a plain number";
            };
            throw new GateException(where + ": " + metric.path() + " needs " + expected + ", not '"
                    + describe() + "'");
        }
        return value;
    }

    private String describe() {
        return switch (unit) {
            case DURATION -> Units.duration(value);
            case PERCENT -> Units.percent(value);
            case PLAIN -> Units.number(value);
        };
    }
}
