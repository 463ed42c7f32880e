package dev.turnstile.agent.bridge;

/**
 * The previous scheduler counters of each live thread, by OS thread id: a fixed open-addressing table (linear
 * probing) allocated once, about 1.8 MB. Threads that are gone are removed, so the table holds the threads alive
 * now. Used by the sampling thread only.
 */
final class ThreadTable {
    /** Threads tracked at once; the slots are twice as many, so probes stay short. */
    static final int CAPACITY = 16_384;
    private static final int SLOTS = 2 * CAPACITY;

    static final int ON_CPU = 0;
    static final int RUN_QUEUE = 1;
    static final int TIMESLICES = 2;
    static final int VOLUNTARY = 3;
    static final int INVOLUNTARY = 4;
    /** When the counters were read (System.nanoTime). */
    static final int READ_AT = 5;
    private static final int VALUES = 6;

    /** 0 marks a free slot: no thread has id 0. */
    private final long[] tids = new long[SLOTS];
    private final long[] values = new long[SLOTS * VALUES];
    /** The thread has ended: its counters were read at its end. */
    private final boolean[] ended = new boolean[SLOTS];
    private int size;

    /** @return the thread's slot, or -1 if it is not in the table */
    int find(long tid) {
        if (tid <= 0) {
            return -1;
        }
        for (int slot = home(tid); ; slot = next(slot)) {
            if (tids[slot] == tid) {
                return slot;
            }
            if (tids[slot] == 0) {
                return -1;
            }
        }
    }

    /** @return a slot for a thread not in the table yet, or -1 if the table is full */
    int insert(long tid) {
        if (size >= CAPACITY) {
            return -1;
        }
        int slot = home(tid);
        while (tids[slot] != 0) {
            slot = next(slot);
        }
        tids[slot] = tid;
        ended[slot] = false;
        size++;
        return slot;
    }

    long get(int slot, int value) {
        return values[slot * VALUES + value];
    }

    /** Marks the thread as ended: it goes at the next sweep that does not see it alive. */
    void markEnded(int slot) {
        ended[slot] = true;
    }

    void store(int slot, TaskCounters counters, long readAt) {
        int base = slot * VALUES;
        values[base + ON_CPU] = counters.onCpuNanos;
        values[base + RUN_QUEUE] = counters.runQueueNanos;
        values[base + TIMESLICES] = counters.timeslices;
        values[base + VOLUNTARY] = counters.voluntarySwitches;
        values[base + INVOLUNTARY] = counters.involuntarySwitches;
        values[base + READ_AT] = readAt;
    }

    /** True when the thread's on-CPU, run-queue and timeslice counters are those stored: it has not run since. */
    boolean unchanged(int slot, TaskCounters counters) {
        int base = slot * VALUES;
        return values[base + ON_CPU] == counters.onCpuNanos && values[base + RUN_QUEUE] == counters.runQueueNanos
                && values[base + TIMESLICES] == counters.timeslices;
    }

    /** Marks the thread as seen now, its counters unchanged. */
    void touch(int slot, long readAt) {
        values[slot * VALUES + READ_AT] = readAt;
    }

    /**
     * Removes the threads that have ended: those whose counters were last read before {@code notSeenSince}, and those
     * marked ended and read before {@code endedBefore}.
     */
    void forget(long notSeenSince, long endedBefore) {
        int slot = 0;
        while (slot < SLOTS) {
            long readAt = get(slot, READ_AT);
            if (tids[slot] != 0 && (readAt - notSeenSince < 0 || (ended[slot] && readAt - endedBefore < 0))) {
                remove(slot);
                // remove() may have moved a later entry into this slot: look at it again.
            } else {
                slot++;
            }
        }
    }

    /**
     * Empties a slot and moves back the entries after it that could not sit in their home slot, so that every
     * entry stays reachable from its home without tombstones.
     */
    private void remove(int slot) {
        int hole = slot;
        tids[hole] = 0;
        size--;
        for (int at = next(hole); tids[at] != 0; at = next(at)) {
            int home = home(tids[at]);
            // The entry at 'at' may fill the hole if its home is not in the cyclic range (hole, at].
            boolean homeInRange = hole <= at ? (home > hole && home <= at) : (home > hole || home <= at);
            if (!homeInRange) {
                tids[hole] = tids[at];
                ended[hole] = ended[at];
                System.arraycopy(values, at * VALUES, values, hole * VALUES, VALUES);
                tids[at] = 0;
                hole = at;
            }
        }
    }

    private static int home(long tid) {
        // Thread ids are mostly consecutive: spread them so runs of ids do not form long probe chains.
        long h = tid * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 49) & (SLOTS - 1);
    }

    private static int next(int slot) {
        return (slot + 1) & (SLOTS - 1);
    }
}
