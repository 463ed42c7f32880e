package dev.turnstile.agent.bridge;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every contended acquisition per lock, including the waits too short to be recorded as events, so totals are
 * exact whatever the threshold. Latches are left out: waiting on one is waiting for a signal. A fixed-size open-addressing table keyed by the synchronizer's identity hash,
 * written without locks; when it is full, further locks are not counted and the overflow is counted instead.
 * Two locks with the same identity hash would share a slot (one chance in billions per pair). A lock's class is held
 * weakly, so that a class loader the program drops (a redeployed web application) is not kept alive by the table.
 */
public final class LockTable {
    static final int CAPACITY = 4096;
    private static final int MASK = CAPACITY - 1;
    private static final int MAX_PROBES = 32;

    private static final AtomicIntegerArray KEYS = new AtomicIntegerArray(CAPACITY);
    private static final AtomicReferenceArray<WeakReference<Class<?>>> CLASSES = new AtomicReferenceArray<>(CAPACITY);
    private static final AtomicLongArray CONTENDED = new AtomicLongArray(CAPACITY);
    private static final AtomicLongArray WAIT_NANOS = new AtomicLongArray(CAPACITY);
    private static final AtomicLongArray RELEASES_TO_WAITERS = new AtomicLongArray(CAPACITY);
    private static final AtomicLong OVERFLOWS = new AtomicLong();

    private LockTable() {
    }

    static void add(Object sync, long waitedNanos) {
        if (LockCounts.isLatch(sync)) {
            return;
        }
        int key = System.identityHashCode(sync);
        if (key == 0) {
            key = 1; // 0 marks a free slot
        }
        int slot = slotOf(key);
        if (slot < 0) {
            OVERFLOWS.incrementAndGet();
            return;
        }
        if (CLASSES.get(slot) == null) {
            CLASSES.compareAndSet(slot, null, new WeakReference<>(sync.getClass()));
        }
        CONTENDED.incrementAndGet(slot);
        WAIT_NANOS.addAndGet(slot, waitedNanos);
    }

    /**
     * A holder released the lock while threads were queued for it. While a lock is contended, every hold ends this
     * way, whether the holder had queued for it or barged in: with the time someone was queued, readers get the mean
     * hold. Called on the release path only when the queue is not empty, so it costs nothing uncontended.
     */
    static void releasedToWaiters(Object sync) {
        if (LockCounts.isLatch(sync)) {
            return;
        }
        int key = System.identityHashCode(sync);
        int slot = slotOf(key == 0 ? 1 : key);
        if (slot < 0) {
            return; // the lock's acquisitions are counted as overflows already
        }
        if (CLASSES.get(slot) == null) {
            CLASSES.compareAndSet(slot, null, new WeakReference<>(sync.getClass()));
        }
        RELEASES_TO_WAITERS.incrementAndGet(slot);
    }

    /** @return the key's slot, claiming a free one if needed, or -1 if the table is too full */
    private static int slotOf(int key) {
        int slot = (key * 0x9E3779B9) >>> 20 & MASK; // spread identity hashes, which are often sequential
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int found = KEYS.get(slot);
            if (found == key || found == 0 && (KEYS.compareAndSet(slot, 0, key) || KEYS.get(slot) == key)) {
                return slot;
            }
            slot = (slot + 1) & MASK;
        }
        return -1;
    }

    /** Commits one cumulative event per lock seen so far; JFR calls it at the start and end of each chunk. */
    public static void emit() {
        for (int slot = 0; slot < CAPACITY; slot++) {
            int key = KEYS.get(slot);
            WeakReference<Class<?>> type = CLASSES.get(slot);
            if (key == 0 || type == null) {
                continue;
            }
            LockStatisticsEvent event = new LockStatisticsEvent();
            event.lockId = key;
            event.synchronizerClass = type.get(); // null once the class was unloaded
            event.contendedAcquisitions = CONTENDED.get(slot);
            event.waitNanos = WAIT_NANOS.get(slot);
            event.releasesToWaiters = RELEASES_TO_WAITERS.get(slot);
            event.commit();
        }
    }

    /** Empties the table; only while no hook can write to it (see {@link Bridge#endSession}). */
    static void clear() {
        for (int slot = 0; slot < CAPACITY; slot++) {
            CLASSES.set(slot, null);
            KEYS.set(slot, 0);
            CONTENDED.set(slot, 0);
            WAIT_NANOS.set(slot, 0);
        }
        OVERFLOWS.set(0);
    }

    /** Contended acquisitions of locks that found no room in the table, since the agent started. */
    public static long overflows() {
        return OVERFLOWS.get();
    }
}
