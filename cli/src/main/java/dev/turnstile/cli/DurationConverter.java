package dev.turnstile.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations as people write them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 1.5s}, {@code 10}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    /** A week: longer is almost certainly a typo, and would fill the disk. */
    private static final Duration MAX = Duration.ofDays(7);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (examples: 30s, 500ms,"
                    + " 2m, 1h)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1_000;
        };
        if (!(millis >= 1) || millis > MAX.toMillis()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is out of range: give 1ms to 7 days");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
