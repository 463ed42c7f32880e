package dev.turnstile.analyzer.scheduler;

/**
 * One thread's most recent recorded waits, merged into disjoint intervals, so that a wait recorded twice is counted
 * once: the agent's lock and condition waits contain the JDK's park events of the same wait, and a condition wait
 * contains the re-acquisition of its lock. A thread waits for one thing at a time, so such overlaps are nested and
 * close in time; a few intervals per thread find them without keeping the recording's waits. What the first recorded
 * of two overlapping waits covers stays its state: JFR writes a thread's events in the order they end, so the inner
 * wait (the park inside a lock acquisition, the lock re-acquired inside a condition wait) keeps its own.
 */
final class RecentWaits {
    static final int KEPT = 8;

    private final long[] starts = new long[KEPT];
    private final long[] ends = new long[KEPT];
    private int size;

    /** Adds a wait and returns how much of it no recent wait already covered. */
    long add(long start, long end) {
        if (end <= start) {
            return 0;
        }
        long covered = 0;
        long mergedStart = start;
        long mergedEnd = end;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (starts[i] <= end && ends[i] >= start) {
                covered += Math.min(end, ends[i]) - Math.max(start, starts[i]);
                mergedStart = Math.min(mergedStart, starts[i]);
                mergedEnd = Math.max(mergedEnd, ends[i]);
            } else {
                starts[kept] = starts[i];
                ends[kept] = ends[i];
                kept++;
            }
        }
        size = kept;
        if (size == KEPT) {
            forgetOldest();
        }
        starts[size] = mergedStart;
        ends[size] = mergedEnd;
        size++;
        return end - start - covered;
    }

    private void forgetOldest() {
        int oldest = 0;
        for (int i = 1; i < size; i++) {
            if (ends[i] < ends[oldest]) {
                oldest = i;
            }
        }
        size--;
        starts[oldest] = starts[size];
        ends[oldest] = ends[size];
    }
}
