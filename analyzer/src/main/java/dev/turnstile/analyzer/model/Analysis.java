package dev.turnstile.analyzer.model;

import java.util.List;

/** Everything the analyzer learned from one recording: what reports render and gates judge. */
public record Analysis(RecordingInfo recording, List<Finding> findings, List<LockReport> locks) {
    public Analysis {
        findings = List.copyOf(findings);
        locks = List.copyOf(locks);
    }
}
