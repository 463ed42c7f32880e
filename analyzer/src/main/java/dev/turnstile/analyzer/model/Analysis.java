package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * Everything the analyzer learned from one recording: what reports render and gates judge. Rules see it
 * before they add their findings ({@link #withFindings}), so a rule can use any part of the model.
 */
public record Analysis(RecordingInfo recording, List<Finding> findings, List<LockReport> locks,
                       List<PoolReport> pools, ThreadsReport threads, ProcessesReport processes,
                       VirtualThreadsReport virtualThreads) {
    public Analysis {
        findings = List.copyOf(findings);
        locks = List.copyOf(locks);
        pools = List.copyOf(pools);
    }

    public Analysis withFindings(List<Finding> newFindings) {
        return new Analysis(recording, newFindings, locks, pools, threads, processes, virtualThreads);
    }

    /** The same analysis with a note added to the recording's (see {@link RecordingInfo#withNote}). */
    public Analysis withNote(String note) {
        return new Analysis(recording.withNote(note), findings, locks, pools, threads, processes, virtualThreads);
    }
}
