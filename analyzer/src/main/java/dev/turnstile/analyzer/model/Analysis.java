package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * Everything the analyzer learned from one recording: what reports render and gates judge. Rules see it
 * before they add their findings ({@link #withFindings}), so a rule can use any part of the model.
 *
 * @param lockKinds  acquisitions and contention per kind of java.util.concurrent lock (agent recordings only)
 * @param deadlocks  cycles of threads waiting for each other, as the agent's deadlock check found them
 * @param herds      wake-ups per monitor or condition lock, with those that found nothing to do
 * @param waitChains who the longest waits waited for, transitively
 */
public record Analysis(RecordingInfo recording, List<Finding> findings, List<LockReport> locks,
                       List<PoolReport> pools, ThreadsReport threads, ProcessesReport processes,
                       VirtualThreadsReport virtualThreads, List<LockKindStats> lockKinds,
                       List<DeadlockReport> deadlocks, List<HerdReport> herds, List<WaitChain> waitChains) {
    public Analysis {
        findings = List.copyOf(findings);
        locks = List.copyOf(locks);
        pools = List.copyOf(pools);
        lockKinds = List.copyOf(lockKinds);
        deadlocks = List.copyOf(deadlocks);
        herds = List.copyOf(herds);
        waitChains = List.copyOf(waitChains);
    }

    /** Without the lock details beyond the per-lock reports (lock kinds, deadlocks, herds, wait chains). */
    public Analysis(RecordingInfo recording, List<Finding> findings, List<LockReport> locks, List<PoolReport> pools,
                    ThreadsReport threads, ProcessesReport processes, VirtualThreadsReport virtualThreads) {
        this(recording, findings, locks, pools, threads, processes, virtualThreads, List.of(), List.of(), List.of(),
                List.of());
    }

    public Analysis withFindings(List<Finding> newFindings) {
        return new Analysis(recording, newFindings, locks, pools, threads, processes, virtualThreads, lockKinds,
                deadlocks, herds, waitChains);
    }

    /** The same analysis with a note added to the recording's (see {@link RecordingInfo#withNote}). */
    public Analysis withNote(String note) {
        return new Analysis(recording.withNote(note), findings, locks, pools, threads, processes, virtualThreads,
                lockKinds, deadlocks, herds, waitChains);
    }
}
