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
 * @param capacity          hold, utilisation, ceilings and critical-section pressure
 * @param rates             contended acquisitions, their rate, the lock's quadrant and its kind's totals
 * @param holderStacks      where holders released it to waiters (sampled by the agent, java.util.concurrent locks only),
 *                          each charged an equal share of the lock's wait time per sample: an estimate of which
 *                          critical sections the waiting was spent behind. Empty for monitors: the JDK records no
 *                          holder stacks for them
 * @param timeline          second-by-second busy and queue length; null except for the locks waited for most
 * @param phase             the stretch of the recording in which it was busiest, when that is only part of it; or null
 */
public record LockReport(LockKind kind, String lockClass, String id, long waits, long waitNanos, long maxWaitNanos,
                         double meanWaiters, double busy, int waitingThreads, List<ThreadCount> owners,
                         String criticalSection, List<StackSummary> waiterStacks, Double usersParallelism,
                         HolderStates holderStates, LockCapacity capacity, LockRates rates,
                         List<StackSummary> holderStacks, Timeline timeline, Phase phase) {
    public LockReport {
        owners = List.copyOf(owners);
        waiterStacks = List.copyOf(waiterStacks);
        holderStacks = List.copyOf(holderStacks);
    }

    /** A lock known only by its waits and its holders' states: capacity, rates, holders, timeline and phase unknown. */
    public LockReport(LockKind kind, String lockClass, String id, long waits, long waitNanos, long maxWaitNanos,
                      double meanWaiters, double busy, int waitingThreads, List<ThreadCount> owners,
                      String criticalSection, List<StackSummary> waiterStacks, Double usersParallelism,
                      HolderStates holderStates) {
        this(kind, lockClass, id, waits, waitNanos, maxWaitNanos, meanWaiters, busy, waitingThreads, owners,
                criticalSection, waiterStacks, usersParallelism, holderStates, LockCapacity.UNKNOWN, LockRates.UNKNOWN,
                List.of(), null, null);
    }
}
