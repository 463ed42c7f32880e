package dev.turnstile.analyzer.model;

/**
 * How much a lock can carry, estimated from its waits (DESIGN.md "Metrics"). Only contended holds are visible in a
 * recording: while someone is queued the lock is held without a break, and each handover to a waiter ends one hold.
 *
 * @param meanHoldNanos              the mean hold while the lock was contended: busy time / holds that ended while
 *                                   someone was queued. Null without waits. See {@code meanHoldBasis}
 * @param meanHoldBasis              how those holds were counted: "releases" when the agent counted every release
 *                                   while threads were queued (java.util.concurrent locks: close to exact), "waits"
 *                                   otherwise (monitors): one hold per recorded wait, which misses the holds of threads
 *                                   that took the lock without queueing (barging) and of waits under the threshold, so
 *                                   it is an upper bound, up to about twice the truth for a lock taken in a tight loop
 * @param utilisation                share of the recording the lock was held: at least {@code busy}, which is what is
 *                                   reported (holds with nobody queued are not recorded), so a lower bound
 * @param throughputCeilingPerSecond 1 / meanHold: acquisitions per second the lock lets through at most, however many
 *                                   threads use it; null without waits (a lower bound when meanHold is)
 * @param speedupCeiling             1 / utilisation: how much more work can pass the lock at most; null if never busy
 * @param criticalSectionPressure    total wait / CPU time of the threads that used the lock (waiters and holders):
 *                                   seconds queued per second run; null without per-thread CPU data
 */
public record LockCapacity(Long meanHoldNanos, String meanHoldBasis, double utilisation,
                           Double throughputCeilingPerSecond, Double speedupCeiling, Double criticalSectionPressure) {
    public static final String BASIS_RELEASES = "releases";
    public static final String BASIS_WAITS = "waits";
    public static final LockCapacity UNKNOWN = new LockCapacity(null, null, 0, null, null, null);
}
