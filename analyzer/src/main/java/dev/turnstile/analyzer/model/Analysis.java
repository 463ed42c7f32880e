package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * Everything the analyzer learned from one recording: what reports render and gates judge. Rules see it
 * before they add their findings ({@link #withFindings}), so a rule can use any part of the model.
 *
 * @param scheduler the threads as the kernel scheduled them, or null when the recording has no per-thread counters
 */
public record Analysis(RecordingInfo recording, List<Finding> findings, List<LockReport> locks,
                       SchedulerReport scheduler) {
    public Analysis {
        findings = List.copyOf(findings);
        locks = List.copyOf(locks);
    }

    public Analysis withFindings(List<Finding> newFindings) {
        return new Analysis(recording, newFindings, locks, scheduler);
    }
}
