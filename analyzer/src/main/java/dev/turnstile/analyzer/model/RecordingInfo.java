package dev.turnstile.analyzer.model;

import java.time.Instant;
import java.util.List;

/**
 * What was recorded, on what, and what is missing.
 *
 * @param cpus  logical CPUs of the machine, 0 if the recording does not say
 * @param agent the Turnstile agent that wrote the recording, or null for a plain JFR file
 * @param notes what the reader should know about this recording's limits, one sentence each
 */
public record RecordingInfo(String file, String jvmName, String jvmVersion, Instant start, long durationNanos,
                            int cpus, AgentInfo agent, List<String> notes) {
    public RecordingInfo {
        notes = List.copyOf(notes);
    }

    public record AgentInfo(String version, int schemaVersion) {
    }
}
