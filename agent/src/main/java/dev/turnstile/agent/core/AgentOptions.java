package dev.turnstile.agent.core;

import dev.turnstile.agent.core.profiler.ProfilerSettings;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * <li>{@code profiler=wall+cpu} (default), any of {@code wall}, {@code cpu}, {@code ctxsw} joined by {@code +}
 *     (or by commas: {@code profiler=wall,cpu}), or {@code off}: what async-profiler samples;</li>
 * <li>{@code wall=DURATION}, {@code cpu=DURATION} (defaults 20ms, 10ms): sampling intervals;
 *     {@code ctxsw=N}: one sample per N context switches;</li>
 * <li>{@code profiler.lib=PATH}: load this async-profiler library instead of the bundled one;</li>
 * <li>{@code sched=DURATION|off}: how often the threads' kernel scheduler counters are read (default 1s, at least
 *     10ms), or off;</li>
 * <li>{@code sleepstacks=on|off}: whether {@code Thread.sleep} events carry their stack (default on). The JDK takes
 *     that stack for every sleep at or above the threshold, a few microseconds each on a virtual thread: a program
 *     whose virtual threads sleep hundreds of thousands of times a second pays more for it than for anything
 *     else the agent records.</li>
 * </ul>
 */
final class AgentOptions {
    static final long DEFAULT_THRESHOLD_NANOS = 100_000;
    static final long DEFAULT_SCHED_PERIOD_NANOS = 1_000_000_000;
    /** Reading every thread's counters takes milliseconds with thousands of threads: not every millisecond. */
    static final long SHORTEST_SCHED_PERIOD_NANOS = 10_000_000;

    final Path file;
    final long thresholdNanos;
    final ProfilerSettings profiler;
    /** How often the scheduler counters are sampled, in whole milliseconds as nanoseconds; 0 when off. */
    final long schedPeriodNanos;
    /** Whether jdk.ThreadSleep events are recorded with their stack. */
    final boolean sleepStacks;
    /** Problems with the options that did not stop the agent, for one line each on stderr. */
    final List<String> warnings;

    private AgentOptions(Path file, long thresholdNanos, ProfilerSettings profiler, long schedPeriodNanos,
                         boolean sleepStacks, List<String> warnings) {
        this.schedPeriodNanos = schedPeriodNanos;
        this.sleepStacks = sleepStacks;
        this.file = file;
        this.thresholdNanos = thresholdNanos;
        this.profiler = profiler;
        this.warnings = warnings;
    }

    static AgentOptions parse(String text) {
        Path file = null;
        long threshold = DEFAULT_THRESHOLD_NANOS;
        Set<String> modes = null;
        long wall = ProfilerSettings.DEFAULT_WALL_NANOS;
        long cpu = ProfilerSettings.DEFAULT_CPU_NANOS;
        long ctxsw = 0;
        Path library = null;
        long schedPeriod = DEFAULT_SCHED_PERIOD_NANOS;
        boolean sleepStacks = true;
        List<String> warnings = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            String previousKey = "";
            for (String option : text.split(",")) {
                int eq = option.indexOf('=');
                String key = (eq < 0 ? option : option.substring(0, eq)).trim();
                String value = eq < 0 ? "" : option.substring(eq + 1).trim();
                if (eq < 0 && "profiler".equals(previousKey) && modes != null) {
                    // profiler=wall,cpu: the comma that separates options also lists the modes
                    addModes(key, modes, warnings);
                    continue;
                }
                previousKey = key;
                switch (key) {
                    case "profiler":
                        modes = new LinkedHashSet<>();
                        addModes(value, modes, warnings);
                        break;
                    case "wall":
                        wall = positiveDuration(key, value, wall, warnings);
                        break;
                    case "cpu":
                        cpu = positiveDuration(key, value, cpu, warnings);
                        break;
                    case "ctxsw":
                        try {
                            ctxsw = Long.parseLong(value);
                            if (ctxsw <= 0) {
                                throw new NumberFormatException();
                            }
                        } catch (NumberFormatException e) {
                            warnings.add("ignoring ctxsw=" + value + ": give a number of context switches per sample");
                            ctxsw = 0;
                        }
                        break;
                    case "profiler.lib":
                        library = Paths.get(value);
                        break;
                    case "file":
                        file = Paths.get(value);
                        break;
                    case "sched":
                        try {
                            schedPeriod = parseSchedPeriod(value);
                        } catch (IllegalArgumentException e) {
                            warnings.add("ignoring sched=" + value + ": " + e.getMessage());
                        }
                        break;
                    case "sleepstacks":
                        if (value.equalsIgnoreCase("on") || value.equalsIgnoreCase("off")) {
                            sleepStacks = value.equalsIgnoreCase("on");
                        } else {
                            warnings.add("ignoring sleepstacks=" + value + ": give on or off");
                        }
                        break;
                    case "threshold":
                        try {
                            threshold = parseDuration(value);
                        } catch (IllegalArgumentException e) {
                            warnings.add("ignoring threshold=" + value + ": " + e.getMessage());
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
        if (modes == null) {
            modes = ProfilerSettings.defaults().modes;
        } else if (modes.contains(ProfilerSettings.CPU) && modes.contains(ProfilerSettings.CTXSW)) {
            warnings.add("profiler: cpu and ctxsw share one sampling engine; sampling cpu, not ctxsw");
            modes.remove(ProfilerSettings.CTXSW);
        }
        return new AgentOptions(file.toAbsolutePath(), threshold,
                new ProfilerSettings(modes, wall, cpu, ctxsw, library), schedPeriod, sleepStacks, warnings);
    }

    private static void addModes(String text, Set<String> modes, List<String> warnings) {
        for (String mode : text.split("\\+")) {
            String name = mode.trim().toLowerCase(Locale.ROOT);
            if (name.equals("off")) {
                modes.clear();
            } else if (name.equals(ProfilerSettings.WALL) || name.equals(ProfilerSettings.CPU)
                    || name.equals(ProfilerSettings.CTXSW)) {
                modes.add(name);
            } else {
                warnings.add("ignoring profiler mode '" + mode.trim() + "' (modes: wall, cpu, ctxsw, or off)");
            }
        }
    }

    private static long positiveDuration(String key, String value, long fallback, List<String> warnings) {
        try {
            long nanos = parseDuration(value);
            if (nanos <= 0) {
                throw new IllegalArgumentException("must be above 0");
            }
            return nanos;
        } catch (IllegalArgumentException e) {
            warnings.add("ignoring " + key + "=" + value + ": " + e.getMessage());
            return fallback;
        }
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
        return "file=" + file + ",threshold=" + thresholdNanos + "ns," + profilerOptions() + ",sched="
                + (schedPeriodNanos == 0 ? "off" : schedPeriodNanos / 1_000_000 + "ms") + ",sleepstacks="
                + (sleepStacks ? "on" : "off");
    }

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

    /** {@code profiler=wall+cpu,wall=20000000ns,cpu=10000000ns}, or {@code profiler=off}. */
    private String profilerOptions() {
        if (profiler.off()) {
            return "profiler=off";
        }
        StringBuilder text = new StringBuilder("profiler=").append(String.join("+", profiler.modes));
        if (profiler.modes.contains(ProfilerSettings.WALL)) {
            text.append(",wall=").append(profiler.wallNanos).append("ns");
        }
        if (profiler.modes.contains(ProfilerSettings.CPU)) {
            text.append(",cpu=").append(profiler.cpuNanos).append("ns");
        }
        if (profiler.ctxswPeriod > 0 && profiler.modes.contains(ProfilerSettings.CTXSW)) {
            text.append(",ctxsw=").append(profiler.ctxswPeriod);
        }
        if (profiler.library != null) {
            text.append(",profiler.lib=").append(profiler.library);
        }
        return text.toString();
    }
}
