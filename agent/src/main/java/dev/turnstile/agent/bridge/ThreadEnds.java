package dev.turnstile.agent.bridge;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands the counters an ending thread read of itself to the sampler, which writes them with its next sample. A fixed
 * set of slots, each claimed with one compare-and-set; an ending thread never waits: when the slots near its claim
 * are all taken, its last period is dropped and counted.
 */
final class ThreadEnds {
    static final int SLOTS = 4096;
    /** Neighbouring slots an ending thread tries before giving up. */
    private static final int TRIES = 8;
    private static final int FREE = 0;
    private static final int WRITING = 1;
    private static final int READY = 2;

    /** Off where /proc/thread-self is missing (Linux before 3.17) or while the sampler is off. */
    static volatile boolean acceptEnds;

    private static final AtomicIntegerArray STATE = new AtomicIntegerArray(SLOTS);
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicLong LOST = new AtomicLong();
    /**
     * Written by the slot's claimant before it marks the slot READY, read by the sampler after it saw READY: the
     * thread's id, its five counters and when they were read, and its name. About 260 KB.
     */
    private static final int VALUES = 7;
    private static final long[] VALUES_OF = new long[SLOTS * VALUES];
    private static final String[] NAMES = new String[SLOTS];
    /** What the sampler gets for each end; one instance, reused. */
    private static final TaskCounters HANDED_IN = new TaskCounters(0);

    private ThreadEnds() {
    }

    /** What the sampler does with each handed-in end. */
    interface Sink {
        void accept(TaskCounters counters, long readAt);
    }

    static void post(TaskCounters counters, long readAt) {
        String name = counters.name();
        int start = NEXT.getAndIncrement();
        for (int i = 0; i < TRIES; i++) {
            int slot = (start + i) & (SLOTS - 1);
            if (STATE.compareAndSet(slot, FREE, WRITING)) {
                int base = slot * VALUES;
                VALUES_OF[base] = counters.tid;
                VALUES_OF[base + 1] = counters.onCpuNanos;
                VALUES_OF[base + 2] = counters.runQueueNanos;
                VALUES_OF[base + 3] = counters.timeslices;
                VALUES_OF[base + 4] = counters.voluntarySwitches;
                VALUES_OF[base + 5] = counters.involuntarySwitches;
                VALUES_OF[base + 6] = readAt;
                NAMES[slot] = name;
                STATE.set(slot, READY);
                return;
            }
        }
        LOST.incrementAndGet();
    }

    /** Passes every handed-in end to {@code sink} and frees its slot. Called by the sampling thread only. */
    static void drain(Sink sink) {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (STATE.get(slot) == READY) {
                int base = slot * VALUES;
                HANDED_IN.assign(VALUES_OF[base], NAMES[slot], VALUES_OF[base + 1], VALUES_OF[base + 2],
                        VALUES_OF[base + 3], VALUES_OF[base + 4], VALUES_OF[base + 5]);
                long readAt = VALUES_OF[base + 6];
                NAMES[slot] = null;
                STATE.set(slot, FREE);
                sink.accept(HANDED_IN, readAt);
            }
        }
    }

    static long lost() {
        return LOST.get();
    }
}
