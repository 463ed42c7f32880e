package dev.turnstile.analyzer.model;

/**
 * A lock's place on two axes: contention (share of the time someone was queued on it, {@code busy}, at least
 * {@link #HIGH_BUSY}) and contended rate (handovers to waiters per second, at least {@link #HIGH_RATE}). Each corner
 * calls for a different fix.
 */
public enum Quadrant {
    /** Busy and handed over often: many short critical sections meet. Split or shard the lock, or go lock-free. */
    HOT("hot"),
    /** Busy but handed over rarely: few, long holds. Shorten the critical section (slow work, I/O under the lock). */
    LONG_HOLDS("long-holds"),
    /** Rarely busy but handed over often: brief contention, each costing a context switch. Take the lock less often. */
    FREQUENT("frequent"),
    /** Neither: nothing to do. */
    COLD("cold");

    public static final double HIGH_BUSY = 0.2;
    /** A handover every millisecond or more often: holds of well under a millisecond, met often. */
    public static final double HIGH_RATE = 1000;

    private final String label;

    Quadrant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Quadrant of(double busy, double contendedPerSecond) {
        boolean contended = busy >= HIGH_BUSY;
        boolean often = contendedPerSecond >= HIGH_RATE;
        if (contended) {
            return often ? HOT : LONG_HOLDS;
        }
        return often ? FREQUENT : COLD;
    }
}
