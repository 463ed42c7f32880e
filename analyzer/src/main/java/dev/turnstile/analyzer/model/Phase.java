package dev.turnstile.analyzer.model;

/**
 * The part of the recording in which a lock was busiest, when that is not the whole recording: the longest stretch of
 * seconds in which someone was queued on it at least half of the time, at least 2 s long and at most 80 % of the
 * window.
 *
 * @param startOffsetNanos from the start of the recording's window
 * @param endOffsetNanos   from the start of the recording's window
 * @param busy             share of the phase with someone queued
 * @param meanWaiters      threads queued on average during the phase
 * @param waitNanos        time waited for the lock during the phase
 * @param parallelism      at most this many CPUs were kept busy by the lock's users during the phase: the smaller of
 *                         the whole process's CPU use (jdk.CPULoad) and the queue's bound (waiting threads − mean
 *                         waiters); null when neither is known
 */
public record Phase(long startOffsetNanos, long endOffsetNanos, double busy, double meanWaiters, long waitNanos,
                    Double parallelism) {
    public long durationNanos() {
        return endOffsetNanos - startOffsetNanos;
    }
}
