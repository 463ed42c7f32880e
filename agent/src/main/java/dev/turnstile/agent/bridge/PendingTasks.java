package dev.turnstile.agent.bridge;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Submitted tasks that have not started yet, with when they became ready to run, so the worker that takes a task
 * can tell how long it waited, without wrapping the task or changing its type. A fixed
 * table indexed by the task's identity hash: a task whose slot is taken by another still-pending task is not
 * tracked (its wait is unknown, and counted as such). The same task object may be queued several times (a shared
 * Runnable, a non-capturing lambda): its submissions are counted, and while more than one is pending their waits are
 * unknown, since identity cannot tell them apart. Entries that never start (cancelled, purged) are swept after a
 * minute, so the table never keeps a task alive for long.
 */
final class PendingTasks {
    static final int CAPACITY = 1 << 16;
    private static final int MASK = CAPACITY - 1;
    static final long STALE_NANOS = 60_000_000_000L;
    /** What {@link #take} returns for a task that was not pending: never submitted, or not seen submitted. */
    static final long NOT_PENDING = Long.MIN_VALUE;
    /** What {@link #take} returns for a pending task whose ready time is not known. */
    static final long UNKNOWN = -1;

    private static final AtomicReferenceArray<Object> TASKS = new AtomicReferenceArray<>(CAPACITY);
    /** When the task became ready, or -1 when its pending submissions cannot be told apart. */
    private static final AtomicLongArray READY_AT = new AtomicLongArray(CAPACITY);
    private static final AtomicIntegerArray PENDING = new AtomicIntegerArray(CAPACITY);
    private static final AtomicLong COLLISIONS = new AtomicLong();
    private static final AtomicLong SWEPT = new AtomicLong();

    private PendingTasks() {
    }

    static void put(Object task, long readyAtNanos) {
        int slot = slotOf(task);
        Object previous = TASKS.get(slot);
        if (previous == null) {
            // Written before the task is published so a reader that finds the task finds its data.
            READY_AT.set(slot, readyAtNanos);
            PENDING.set(slot, 1);
            if (TASKS.compareAndSet(slot, null, task)) {
                return;
            }
            previous = TASKS.get(slot);
        }
        if (previous == task) {
            PENDING.incrementAndGet(slot);
            READY_AT.set(slot, UNKNOWN);
        } else {
            COLLISIONS.incrementAndGet();
        }
    }

    /**
     * @return when the task became ready to run, {@link #UNKNOWN} if it is pending but that is not known, or
     *         {@link #NOT_PENDING}; one pending submission is removed
     */
    static long take(Object task) {
        int slot = slotOf(task);
        if (TASKS.get(slot) != task) {
            return NOT_PENDING;
        }
        long readyAt = READY_AT.get(slot);
        release(slot, task);
        return readyAt;
    }

    /** One submission of the task will not start (it was rejected). */
    static void remove(Object task) {
        int slot = slotOf(task);
        if (TASKS.get(slot) == task) {
            release(slot, task);
        }
    }

    private static void release(int slot, Object task) {
        if (PENDING.decrementAndGet(slot) <= 0) {
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

    /** Tasks whose wait could not be tracked because their slot was taken. */
    static long collisions() {
        return COLLISIONS.get();
    }

    /** Tasks dropped after a minute without starting. */
    static long swept() {
        return SWEPT.get();
    }

    private static int slotOf(Object task) {
        return (System.identityHashCode(task) * 0x9E3779B9) >>> 16 & MASK;
    }
}
