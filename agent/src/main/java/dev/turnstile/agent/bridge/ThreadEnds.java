package dev.turnstile.agent.bridge;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands the counters an ending thread read of itself to the sampler, which writes them with its next sample. A fixed
 * set of slots, each claimed with one compare-and-set; an ending thread never waits: when the slots near its claim
 * are all taken, its last period is dropped and counted.
 *
 * <p>Reading its counters costs an ending thread about 0.1 ms (the kernel builds a new thread's /proc folder on first
 * use), as much as starting and joining a thread. So ends are read on credit: {@link #CREDITS_PER_SECOND} a second,
 * up to {@link #MOST_CREDITS} saved up for a burst (a pool shutting down); a thread that ends without credit is not
 * read, and counted.
 */
final class ThreadEnds {
    static final int SLOTS = 4096;
    /** About 1 % of one CPU. */
    static final int CREDITS_PER_SECOND = 100;
    static final int MOST_CREDITS = 1_000;
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
    private static final AtomicLong SKIPPED = new AtomicLong();
    private static final AtomicLong CREDITS = new AtomicLong(MOST_CREDITS);
    /** When credits were last added (System.nanoTime); only the sampling thread adds them. */
    private static long creditedAt = System.nanoTime();
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

    /** Takes a credit for reading an end; false (counted) when there is none. */
    static boolean takeCredit() {
        if (CREDITS.decrementAndGet() >= 0) {
            return true;
        }
        CREDITS.incrementAndGet();
        SKIPPED.incrementAndGet();
        return false;
    }

    /** Adds the credits earned since the last call. Called by the sampling thread only. */
    static void addCredits(long now) {
        long earned = (now - creditedAt) * CREDITS_PER_SECOND / 1_000_000_000L;
        if (earned <= 0) {
            return;
        }
        creditedAt = now;
        long credits;
        do {
            credits = CREDITS.get();
        } while (!CREDITS.compareAndSet(credits, Math.min(MOST_CREDITS, Math.max(0, credits) + earned)));
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

    static long skipped() {
        return SKIPPED.get();
    }
}
