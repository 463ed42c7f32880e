package dev.turnstile.agent.bridge;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The executors the agent has seen, each with its task counters and histograms of queue wait and run time. A fixed
 * table keyed by the executor's identity; executors are held weakly, so a program that creates and drops executors
 * does not keep them alive (their slot keeps its numbers), and so are their classes, so that a class loader the program
 * drops is not kept alive either. When the table is full, further executors are not tracked,
 * and the tasks submitted to them are counted instead.
 */
final class ExecutorTable {
    static final int CAPACITY = 256;
    private static final int MASK = CAPACITY - 1;

    static final int SUBMITTED = 0;
    static final int REJECTED = 1;
    static final int STARTED = 2;
    static final int COMPLETED = 3;
    static final int WAIT_UNKNOWN = 4;
    private static final int COUNTERS = 5;

    private static final AtomicReferenceArray<WeakReference<Object>> EXECUTORS = new AtomicReferenceArray<>(CAPACITY);
    private static final int[] IDS = new int[CAPACITY];
    private static final AtomicReferenceArray<WeakReference<Class<?>>> CLASSES = new AtomicReferenceArray<>(CAPACITY);
    private static final AtomicReferenceArray<String> NAMES = new AtomicReferenceArray<>(CAPACITY);
    /** Executors whose tasks are counted but not timed one by one: the virtual-thread scheduler. */
    private static final boolean[] COUNT_ONLY = new boolean[CAPACITY];
    private static final AtomicLongArray COUNTS = new AtomicLongArray(CAPACITY * COUNTERS);
    private static final AtomicLongArray QUEUE_WAIT = new AtomicLongArray(CAPACITY * TimeHistogram.BUCKETS);
    private static final AtomicLongArray RUN_TIME = new AtomicLongArray(CAPACITY * TimeHistogram.BUCKETS);
    private static final AtomicLong UNTRACKED_SUBMISSIONS = new AtomicLong();

    private ExecutorTable() {
    }

    /** @return the executor's slot, taking a free one on first sight, or -1 if the table is full */
    static int slotOf(Object executor) {
        int id = System.identityHashCode(executor);
        int slot = (id * 0x9E3779B9) >>> 24 & MASK;
        for (int probe = 0; probe < CAPACITY; probe++) {
            WeakReference<Object> ref = EXECUTORS.get(slot);
            if (ref == null) {
                if (EXECUTORS.compareAndSet(slot, null, new WeakReference<>(executor))) {
                    // Readers skip a slot until its class is set, so the id is written first.
                    IDS[slot] = id;
                    COUNT_ONLY[slot] = isVirtualThreadScheduler(executor);
                    CLASSES.set(slot, new WeakReference<>(executor.getClass()));
                    return slot;
                }
                ref = EXECUTORS.get(slot);
            }
            if (ref.get() == executor) {
                return slot;
            }
            slot = (slot + 1) & MASK;
        }
        return -1;
    }

    /**
     * The pool that runs virtual threads on their carriers: every park and unpark of a virtual thread is a task to
     * it, too many and too short to time one by one. Its size and queue still show how busy the carriers are.
     */
    private static boolean isVirtualThreadScheduler(Object executor) {
        if (!(executor instanceof java.util.concurrent.ForkJoinPool)) {
            return false;
        }
        Object factory = ((java.util.concurrent.ForkJoinPool) executor).getFactory();
        return factory != null && factory.getClass().getName().startsWith("java.lang.VirtualThread");
    }

    static boolean countOnly(int slot) {
        return COUNT_ONLY[slot];
    }

    static void count(int slot, int counter) {
        COUNTS.incrementAndGet(slot * COUNTERS + counter);
    }

    static void queueWait(int slot, long nanos) {
        QUEUE_WAIT.incrementAndGet(slot * TimeHistogram.BUCKETS + TimeHistogram.bucketOf(nanos));
    }

    static void runTime(int slot, long nanos) {
        RUN_TIME.incrementAndGet(slot * TimeHistogram.BUCKETS + TimeHistogram.bucketOf(nanos));
    }

    /** Names the executor after its first worker thread, without the trailing number ("pool-1-thread-"). */
    static void nameFromWorker(int slot, String workerName) {
        if (NAMES.get(slot) == null && workerName != null) {
            int end = workerName.length();
            while (end > 0 && Character.isDigit(workerName.charAt(end - 1))) {
                end--;
            }
            NAMES.compareAndSet(slot, null, workerName.substring(0, end));
        }
    }

    static int size() {
        return CAPACITY;
    }

    /** The executor in a slot, or null if the slot is free or its executor was collected. */
    static Object executor(int slot) {
        WeakReference<Object> ref = EXECUTORS.get(slot);
        return ref == null ? null : ref.get();
    }

    /** True once a slot is taken and its identity written. */
    static boolean used(int slot) {
        return CLASSES.get(slot) != null;
    }

    static int id(int slot) {
        return IDS[slot];
    }

    static Class<?> type(int slot) {
        WeakReference<Class<?>> type = CLASSES.get(slot);
        return type == null ? null : type.get(); // null once the class was unloaded
    }

    static String name(int slot) {
        return NAMES.get(slot);
    }

    static long counter(int slot, int counter) {
        return COUNTS.get(slot * COUNTERS + counter);
    }

    static long queueWaitBucket(int slot, int bucket) {
        return QUEUE_WAIT.get(slot * TimeHistogram.BUCKETS + bucket);
    }

    static long runTimeBucket(int slot, int bucket) {
        return RUN_TIME.get(slot * TimeHistogram.BUCKETS + bucket);
    }

    /**
     * Forgets every executor and its numbers; only while no hook can write (see {@link Bridge#endSession}). Classes go
     * first, since readers skip a slot without one.
     */
    static void clear() {
        for (int slot = 0; slot < CAPACITY; slot++) {
            CLASSES.set(slot, null);
            EXECUTORS.set(slot, null);
            IDS[slot] = 0;
            NAMES.set(slot, null);
            COUNT_ONLY[slot] = false;
        }
        for (int i = 0; i < COUNTS.length(); i++) {
            COUNTS.set(i, 0);
        }
        for (int i = 0; i < QUEUE_WAIT.length(); i++) {
            QUEUE_WAIT.set(i, 0);
            RUN_TIME.set(i, 0);
        }
        UNTRACKED_SUBMISSIONS.set(0);
    }

    /** A task was submitted to an executor that found no room in the table. */
    static void countUntrackedSubmission() {
        UNTRACKED_SUBMISSIONS.incrementAndGet();
    }

    /** Tasks submitted to executors that found no room in the table, since the agent started. */
    static long untrackedSubmissions() {
        return UNTRACKED_SUBMISSIONS.get();
    }
}
