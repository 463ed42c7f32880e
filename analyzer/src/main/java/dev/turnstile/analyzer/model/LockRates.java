package dev.turnstile.analyzer.model;

/**
 * How often a lock was contended, and where it sits among locks.
 *
 * @param contendedAcquisitions acquisitions that had to wait: exact for java.util.concurrent locks recorded by the
 *                              agent (its per-lock totals count waits under the threshold too, and re-acquisitions
 *                              after Condition.await), the recorded waits otherwise
 * @param exact                 true when {@code contendedAcquisitions} is the agent's exact total
 * @param contendedPerSecond    contendedAcquisitions / recording duration
 * @param quadrant              contention (busy) high or low × contended rate high or low ({@link Quadrant})
 * @param kind                  acquisitions of every lock of this kind (e.g. every ReentrantLock), for
 *                              java.util.concurrent locks when the agent counted them; null otherwise. The agent counts
 *                              acquisitions per kind, not per lock, to keep uncontended locking free
 */
public record LockRates(long contendedAcquisitions, boolean exact, double contendedPerSecond, Quadrant quadrant,
                        LockKindStats kind) {
    public static final LockRates UNKNOWN = new LockRates(0, false, 0, Quadrant.COLD, null);
}
