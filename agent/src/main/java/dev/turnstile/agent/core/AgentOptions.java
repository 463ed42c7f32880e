package dev.turnstile.agent.core;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agent options, given as {@code -javaagent:turnstile-agent.jar=key=value,key=value}:
 * <ul>
 * <li>{@code file=PATH}: where the recording is written when the program exits
 *     (default {@code turnstile-<pid>-<time>.jfr} in the working directory);</li>
 * <li>{@code threshold=DURATION}: the shortest wait recorded with its stack, e.g. {@code 100us},
 *     {@code 1ms}, {@code 0} (default 100us). Shorter waits cost more to record than they tell.</li>
 * <li>{@code sched=DURATION|off}: how often the threads' kernel scheduler counters are read (default 1s, at least
 *     10ms), or off.</li>
 * </ul>
 */
final class AgentOptions {
    static final long DEFAULT_THRESHOLD_NANOS = 100_000;
    static final long DEFAULT_SCHED_PERIOD_NANOS = 1_000_000_000;
    /** Reading every thread's counters takes milliseconds with thousands of threads: not every millisecond. */
    static final long SHORTEST_SCHED_PERIOD_NANOS = 10_000_000;

    final Path file;
    final long thresholdNanos;
    /** How often the scheduler counters are sampled, in whole milliseconds as nanoseconds; 0 when off. */
    final long schedPeriodNanos;
    /** Problems with the options that did not stop the agent, for one line each on stderr. */
    final List<String> warnings;

    private AgentOptions(Path file, long thresholdNanos, long schedPeriodNanos, List<String> warnings) {
        this.file = file;
        this.thresholdNanos = thresholdNanos;
        this.schedPeriodNanos = schedPeriodNanos;
        this.warnings = warnings;
    }

    static AgentOptions parse(String text) {
        Path file = null;
        long threshold = DEFAULT_THRESHOLD_NANOS;
        long schedPeriod = DEFAULT_SCHED_PERIOD_NANOS;
        List<String> warnings = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String option : text.split(",")) {
                int eq = option.indexOf('=');
                String key = (eq < 0 ? option : option.substring(0, eq)).trim();
                String value = eq < 0 ? "" : option.substring(eq + 1).trim();
                switch (key) {
                    case "file":
                        file = Paths.get(value);
                        break;
                    case "threshold":
                        try {
                            threshold = parseDuration(value);
                        } catch (IllegalArgumentException e) {
                            warnings.add("ignoring threshold=" + value + ": " + e.getMessage());
                        }
                        break;
                    case "sched":
                        try {
                            schedPeriod = parseSchedPeriod(value);
                        } catch (IllegalArgumentException e) {
                            warnings.add("ignoring sched=" + value + ": " + e.getMessage());
                        }
                        break;
                    default:
                        warnings.add("ignoring unknown option '" + key + "'");
                }
            }
        }
        if (file == null) {
            String time = new SimpleDateFormat("yyyyMMdd-HHmmss", Locale.ROOT).format(new Date());
            file = Paths.get("turnstile-" + ProcessHandle.current().pid() + "-" + time + ".jfr");
        }
        return new AgentOptions(file.toAbsolutePath(), threshold, schedPeriod, warnings);
    }

    /** {@code off}, or a period of at least 10ms, kept in whole milliseconds (JFR's periods are). */
    static long parseSchedPeriod(String text) {
        if (text.trim().equalsIgnoreCase("off")) {
            return 0;
        }
        long nanos;
        try {
            nanos = parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a period or 'off' (examples: 1s, 200ms, off)");
        }
        if (nanos < SHORTEST_SCHED_PERIOD_NANOS) {
            throw new IllegalArgumentException("the shortest period is 10ms");
        }
        return nanos / 1_000_000 * 1_000_000;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s)?");

    /** Parses {@code 0}, {@code 500ns}, {@code 100us}, {@code 20ms}, {@code 1s}. */
    static long parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (examples: 0, 100us, 20ms, 1s)");
        }
        long count = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (count != 0) {
                throw new IllegalArgumentException("give a unit: ns, us, ms or s");
            }
            return 0;
        }
        switch (unit) {
            case "ns":
                return count;
            case "us":
                return Math.multiplyExact(count, 1_000L);
            case "ms":
                return Math.multiplyExact(count, 1_000_000L);
            default:
                return Math.multiplyExact(count, 1_000_000_000L);
        }
    }

    /** The options in effect, in the same syntax, for the recording's start event. */
    String describe() {
        return "file=" + file + ",threshold=" + thresholdNanos + "ns,sched="
                + (schedPeriodNanos == 0 ? "off" : schedPeriodNanos / 1_000_000 + "ms");
    }
}
