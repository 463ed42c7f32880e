package dev.turnstile.agent.bridge;

/**
 * How often locks of each kind are taken, contended or not, counted where they are released (every full release
 * ends one acquisition) at the cost of a class check and a plain increment. Counts go to per-thread stripes to
 * keep threads off each other's cache lines; threads sharing a stripe can lose an increment now and then, so the
 * counts are close, not exact. Monitors are not counted: that would mean instrumenting every synchronized block.
 */
public final class LockCounts {
    static final String[] KINDS = {
        "java.util.concurrent.locks.ReentrantLock",
        "java.util.concurrent.locks.ReentrantReadWriteLock (write)",
        "java.util.concurrent.locks.ReentrantReadWriteLock (read)",
        "java.util.concurrent.Semaphore",
        "java.util.concurrent.CountDownLatch",
        "java.util.concurrent.ThreadPoolExecutor (worker lock)",
        "java.util.concurrent.locks.StampedLock (write)",
        "java.util.concurrent.locks.StampedLock (read)",
        "other AbstractQueuedSynchronizer"
    };
    private static final int OTHER = KINDS.length - 1;
    private static final int STRIPES = 64;
    /** Longs per stripe: 128 bytes, so two stripes never share a cache line. */
    private static final int STRIDE = 16;
    private static final long[] COUNTS = new long[STRIPES * STRIDE];

    // Static final fields (not an array) so the JIT treats them as constants in the checks below.
    private static final Class<?> REENTRANT = load("java.util.concurrent.locks.ReentrantLock$NonfairSync");
    private static final Class<?> REENTRANT_FAIR = load("java.util.concurrent.locks.ReentrantLock$FairSync");
    private static final Class<?> READ_WRITE = load("java.util.concurrent.locks.ReentrantReadWriteLock$NonfairSync");
    private static final Class<?> READ_WRITE_FAIR = load("java.util.concurrent.locks.ReentrantReadWriteLock$FairSync");
    private static final Class<?> SEMAPHORE = load("java.util.concurrent.Semaphore$NonfairSync");
    private static final Class<?> SEMAPHORE_FAIR = load("java.util.concurrent.Semaphore$FairSync");
    private static final Class<?> LATCH = load("java.util.concurrent.CountDownLatch$Sync");
    private static final Class<?> WORKER = load("java.util.concurrent.ThreadPoolExecutor$Worker");
    private static final Class<?> STAMPED = load("java.util.concurrent.locks.StampedLock");

    private LockCounts() {
    }

    /**
     * A latch is waited on for a signal, not contended for: one per request or per virtual thread (Thread.join waits
     * on one) would fill the lock table with waits that are not contention.
     */
    static boolean isLatch(Object sync) {
        return sync.getClass() == LATCH;
    }

    /** Called by the release advice after every release that freed the lock. */
    @SuppressWarnings("deprecation") // getId(): threadId() is not in Java 11, and both read the same field
    public static void released(Object sync, boolean shared) {
        Class<?> type = sync.getClass();
        int kind;
        if (type == REENTRANT || type == REENTRANT_FAIR) {
            kind = 0;
        } else if (type == READ_WRITE || type == READ_WRITE_FAIR) {
            kind = shared ? 2 : 1;
        } else if (type == SEMAPHORE || type == SEMAPHORE_FAIR) {
            kind = 3;
        } else if (type == LATCH) {
            kind = 4;
        } else if (type == WORKER) {
            kind = 5;
        } else if (type == STAMPED) {
            kind = shared ? 7 : 6;
        } else {
            kind = OTHER;
        }
        COUNTS[(int) (Thread.currentThread().getId() & (STRIPES - 1)) * STRIDE + kind]++;
    }

    /** Commits one cumulative event per kind that was seen; JFR calls it at the start and end of each chunk. */
    public static void emit() {
        for (int kind = 0; kind < KINDS.length; kind++) {
            long total = 0;
            for (int stripe = 0; stripe < STRIPES; stripe++) {
                total += COUNTS[stripe * STRIDE + kind];
            }
            if (total > 0) {
                LockCountsEvent event = new LockCountsEvent();
                event.lockKind = KINDS[kind];
                event.acquisitions = total;
                event.commit();
            }
        }
    }

    /** Zeroes the counts (see {@link Bridge#endSession}). */
    static void clear() {
        java.util.Arrays.fill(COUNTS, 0);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return Void.class; // never the class of a synchronizer: that kind is counted as "other"
        }
    }
}
