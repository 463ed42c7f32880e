package dev.turnstile.analyzer.model;

import java.time.Instant;
import java.util.List;

/**
 * What was recorded, on what, and what is missing.
 *
 * @param cpus  logical CPUs of the machine, 0 if the recording does not say
 * @param agent the Turnstile agent that wrote the recording, or null for a plain JFR file
 * @param notes what the reader should know about this recording's limits, one sentence each
 * @param sources the kinds of data the recording holds: {@code agent} (Turnstile's events), {@code jdk} (the JDK's
 *                events), {@code async-profiler-wall}, {@code async-profiler-cpu}, {@code async-profiler-ctxsw}
 *                (async-profiler's samples), {@code jdk-execution-samples} (the JDK's CPU samples)
 */
public record RecordingInfo(String file, String jvmName, String jvmVersion, Instant start, long durationNanos,
                            int cpus, AgentInfo agent, List<String> notes, List<String> sources) {
    public RecordingInfo {
        notes = List.copyOf(notes);
        sources = List.copyOf(sources);
    }

    public record AgentInfo(String version, int schemaVersion) {
    }
}
