package dev.turnstile.agent.bridge;

/**
 * Called when a java.util.concurrent lock is released while threads are queued for it. The advice checks the
 * queue inline, so releases nobody waits for never get here.
 */
public final class LockReleases {
    /** At most one release event per thread per this interval: the holder's stacks are a sample. */
    static final long SAMPLE_INTERVAL_NANOS = 1_000_000;

    private static final ThreadLocal<long[]> LAST_SAMPLE = new ThreadLocal<>() {
        @Override
        protected long[] initialValue() {
            return new long[] {Long.MIN_VALUE / 2};
        }
    };

    private LockReleases() {
    }

    public static void handedOver(Object sync, boolean shared) {
        if (!LockWaits.enabled) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            LockTable.releasedToWaiters(sync);
            long now = System.nanoTime();
            long[] last = LAST_SAMPLE.get();
            if (now - last[0] < SAMPLE_INTERVAL_NANOS) {
                return;
            }
            last[0] = now;
            LockReleaseEvent event = new LockReleaseEvent();
            if (event.shouldCommit()) {
                event.lockId = System.identityHashCode(sync);
                event.synchronizerClass = sync.getClass();
                event.shared = shared;
                event.commit();
            }
        } finally {
            inside[0] = false;
        }
    }
}
