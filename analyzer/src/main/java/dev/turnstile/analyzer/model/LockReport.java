package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * The contention on one lock over the recording (metric definitions in DESIGN.md).
 *
 * @param id                identity within the recording: the monitor address or the synchronizer's identity hash
 * @param waits             contended acquisitions recorded (at or above the recording's threshold)
 * @param waitNanos         total time threads spent waiting for it
 * @param meanWaiters       waitNanos / recording duration: threads queued on it on average (Little's law)
 * @param busy              share of the recording during which at least one thread was queued on it
 * @param waitingThreads    distinct threads that waited for it
 * @param owners            threads seen holding it when others waited, most often first
 * @param criticalSection   the frame where the heaviest waiters tried to take it
 * @param waiterStacks      where threads waited, heaviest first
 * @param usersParallelism  CPUs the threads using it kept busy on average, or null if the recording lacks
 *                          per-thread CPU load
 * @param holderStates      what the holders were doing while others waited, or null when the recording has no
 *                          wall-clock samples of them (async-profiler off or failed, or a plain JFR file)
 */
public record LockReport(LockKind kind, String lockClass, String id, long waits, long waitNanos, long maxWaitNanos,
                         double meanWaiters, double busy, int waitingThreads, List<ThreadCount> owners,
                         String criticalSection, List<StackSummary> waiterStacks, Double usersParallelism,
                         HolderStates holderStates) {
    public LockReport {
        owners = List.copyOf(owners);
        waiterStacks = List.copyOf(waiterStacks);
    }
}
