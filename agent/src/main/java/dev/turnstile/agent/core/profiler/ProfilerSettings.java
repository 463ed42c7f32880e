package dev.turnstile.agent.core.profiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What async-profiler should sample, from the agent options {@code profiler=}, {@code wall=}, {@code cpu=},
 * {@code ctxsw=} and {@code profiler.lib=}. Immutable once parsed.
 */
public final class ProfilerSettings {
    public static final String WALL = "wall";
    public static final String CPU = "cpu";
    public static final String CTXSW = "ctxsw";
    static final List<String> MODES = List.of(WALL, CPU, CTXSW);

    public static final long DEFAULT_WALL_NANOS = 20_000_000;
    public static final long DEFAULT_CPU_NANOS = 10_000_000;

    /** In the order of {@link #MODES}; empty when the profiler is off. */
    public final Set<String> modes;
    public final long wallNanos;
    public final long cpuNanos;
    /** Context switches per sample; 0 leaves async-profiler's own default. */
    public final long ctxswPeriod;
    /** A library to load instead of the bundled one (tests use a missing path to force the fallback). */
    public final Path library;

    public ProfilerSettings(Set<String> modes, long wallNanos, long cpuNanos, long ctxswPeriod, Path library) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String mode : MODES) {
            if (modes.contains(mode)) {
                ordered.add(mode);
            }
        }
        this.modes = Collections.unmodifiableSet(ordered);
        this.wallNanos = wallNanos;
        this.cpuNanos = cpuNanos;
        this.ctxswPeriod = ctxswPeriod;
        this.library = library;
    }

    public static ProfilerSettings defaults() {
        return new ProfilerSettings(Set.of(WALL, CPU), DEFAULT_WALL_NANOS, DEFAULT_CPU_NANOS, 0, null);
    }

    public boolean off() {
        return modes.isEmpty();
    }

    /** True when async-profiler is asked for CPU samples, which then replace the JDK's jdk.ExecutionSample. */
    public boolean cpu() {
        return modes.contains(CPU);
    }

    /**
     * async-profiler's start command. CPU and context switches use the same sampling engine, so only one of
     * them can run (the options refuse both). {@code jfropts=31} leaves out what the JDK's own recording already
     * has or must not have: system properties, native libraries, CPU load, heap summaries, OS and JVM information.
     */
    String startCommand(Path output) {
        List<String> parts = new ArrayList<>();
        parts.add("start");
        if (modes.contains(CPU)) {
            parts.add("event=cpu");
            parts.add("interval=" + cpuNanos);
        } else if (modes.contains(CTXSW)) {
            parts.add("event=context-switches");
            if (ctxswPeriod > 0) {
                parts.add("interval=" + ctxswPeriod);
            }
        }
        if (modes.contains(WALL)) {
            parts.add("wall=" + wallNanos);
        }
        parts.add("jfropts=31");
        parts.add("jstackdepth=128");
        parts.add("loglevel=none");
        parts.add("file=" + output);
        return String.join(",", parts);
    }

    /** The modes as the options spell them, for the recording: {@code wall=20ms,cpu=10ms}, or {@code off}. */
    public String describe() {
        if (off()) {
            return "off";
        }
        List<String> parts = new ArrayList<>();
        for (String mode : modes) {
            switch (mode) {
                case WALL:
                    parts.add(WALL + "=" + millis(wallNanos));
                    break;
                case CPU:
                    parts.add(CPU + "=" + millis(cpuNanos));
                    break;
                default:
                    parts.add(ctxswPeriod > 0 ? CTXSW + "=" + ctxswPeriod : CTXSW);
            }
        }
        return String.join(",", parts);
    }

    private static String millis(long nanos) {
        return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : nanos / 1_000 + "us";
    }
}
