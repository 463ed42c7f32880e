package dev.turnstile.agent.bridge;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Submitted tasks that have not started yet, with when they became ready to run, so the worker that takes a task
 * can tell how long it waited, without wrapping the task or changing its type. A fixed table: a task may take any
 * of {@link #PROBES} slots from the one its identity hash points at; a task that finds all of them taken by other
 * pending tasks is not tracked (its wait is unknown, and it is counted as a collision). The same task object may be
 * queued several times (a shared Runnable, a non-capturing lambda): its submissions are counted, and while more than
 * one is pending their waits are unknown, since identity cannot tell them apart. Entries that never start
 * (cancelled, purged) are swept after a minute, so the table never keeps a task alive for long.
 *
 * <p>No locks: a worker can only take a task after the queue handed it over, which happens after {@link #put}
 * returned, so the entry is complete by the time it is read. Two threads submitting the same task object at the
 * same instant may lose one of its pending counts (its later wait is then unknown, never wrong by more than the
 * time between the two submissions).
 */
final class PendingTasks {
    static final int CAPACITY = 1 << 16;
    private static final int MASK = CAPACITY - 1;
    /** Slots a task may use: enough that 1,000 tasks pending at once almost never collide, few enough to scan fast. */
    static final int PROBES = 8;
    static final long STALE_NANOS = 60_000_000_000L;
    /** What {@link #take} returns for a task that was not pending: never submitted, or not seen submitted. */
    static final long NOT_PENDING = Long.MIN_VALUE;
    /** What {@link #take} returns for a pending task whose ready time is not known. */
    static final long UNKNOWN = -1;
    /** Set in a slot's pending count once two submissions of its task were pending at the same time. */
    private static final int AMBIGUOUS = 1 << 30;

    private static final AtomicReferenceArray<Object> TASKS = new AtomicReferenceArray<>(CAPACITY);
    /** When the task's latest pending submission became ready (the one timed when it is the only one). */
    private static final AtomicLongArray READY_AT = new AtomicLongArray(CAPACITY);
    /** Pending submissions of the slot's task, with {@link #AMBIGUOUS} once they could not be told apart. */
    private static final AtomicIntegerArray PENDING = new AtomicIntegerArray(CAPACITY);
    private static final AtomicLong COLLISIONS = new AtomicLong();
    private static final AtomicLong SWEPT = new AtomicLong();

    private PendingTasks() {
    }

    /** @return the task's slot, or -1 if it found no room (a collision) */
    static int put(Object task, long readyAtNanos) {
        int home = homeOf(task);
        for (int i = 0; i < PROBES; i++) {
            int slot = (home + i) & MASK;
            if (TASKS.get(slot) == task) {
                READY_AT.set(slot, readyAtNanos);
                int pending;
                do {
                    pending = PENDING.get(slot);
                } while (!PENDING.compareAndSet(slot, pending, (pending + 1) | AMBIGUOUS));
                return slot;
            }
        }
        for (int i = 0; i < PROBES; i++) {
            int slot = (home + i) & MASK;
            if (TASKS.get(slot) == null) {
                // Written before the task is published, so the sweep never sees the previous task's time with it.
                READY_AT.set(slot, readyAtNanos);
                PENDING.set(slot, 1);
                if (TASKS.compareAndSet(slot, null, task)) {
                    return slot;
                }
            }
        }
        COLLISIONS.incrementAndGet();
        return -1;
    }

    /**
     * @return when the task became ready to run, {@link #UNKNOWN} if it is pending but that is not known, or
     *         {@link #NOT_PENDING}; one pending submission is removed
     */
    static long take(Object task) {
        int slot = slotOf(task);
        if (slot < 0) {
            return NOT_PENDING;
        }
        long readyAt = (PENDING.get(slot) & AMBIGUOUS) != 0 ? UNKNOWN : READY_AT.get(slot);
        release(slot, task);
        return readyAt;
    }

    /**
     * One submission of the task will not start (it was rejected).
     *
     * @return false if the task was not pending (its submission was not tracked)
     */
    static boolean remove(Object task) {
        int slot = slotOf(task);
        if (slot < 0) {
            return false;
        }
        release(slot, task);
        return true;
    }

    /**
     * One pending submission of {@code task} is now {@code replacement}, ready since {@code readyAtNanos}: another
     * agent wrapped the task on its way to the queue. A submission that was not tracked stays untracked (it was
     * counted as a collision), and so does one already moved.
     */
    static void replace(Object task, Object replacement, long readyAtNanos) {
        if (remove(task)) {
            put(replacement, readyAtNanos);
        }
    }

    /** As {@link #replace}, for the task known only by the slot it was put in and its identity hash. */
    static void replaceAt(int slot, int taskId, Object replacement, long readyAtNanos) {
        Object task = TASKS.get(slot);
        if (task != null && System.identityHashCode(task) == taskId) {
            release(slot, task);
            put(replacement, readyAtNanos);
        }
    }

    private static void release(int slot, Object task) {
        if ((PENDING.decrementAndGet(slot) & ~AMBIGUOUS) <= 0) {
            TASKS.compareAndSet(slot, task, null);
        }
    }

    /** Drops entries pending for longer than {@link #STALE_NANOS}: tasks that will never run. */
    static void sweep(long now) {
        for (int slot = 0; slot < CAPACITY; slot++) {
            Object task = TASKS.get(slot);
            if (task != null && now - READY_AT.get(slot) > STALE_NANOS && TASKS.compareAndSet(slot, task, null)) {
                SWEPT.incrementAndGet();
            }
        }
    }

    /** Drops every pending task, so none stays referenced (see {@link Bridge#endSession}). */
    static void clear() {
        for (int slot = 0; slot < CAPACITY; slot++) {
            TASKS.set(slot, null);
            READY_AT.set(slot, 0);
            PENDING.set(slot, 0);
        }
        COLLISIONS.set(0);
        SWEPT.set(0);
    }

    /** Tasks whose wait could not be tracked because every slot they could use was taken. */
    static long collisions() {
        return COLLISIONS.get();
    }

    /** Tasks dropped after a minute without starting. */
    static long swept() {
        return SWEPT.get();
    }

    /** @return the slot holding the task, or -1 */
    private static int slotOf(Object task) {
        int home = homeOf(task);
        for (int i = 0; i < PROBES; i++) {
            int slot = (home + i) & MASK;
            if (TASKS.get(slot) == task) {
                return slot;
            }
        }
        return -1;
    }

    private static int homeOf(Object task) {
        return (System.identityHashCode(task) * 0x9E3779B9) >>> 16 & MASK;
    }
}
