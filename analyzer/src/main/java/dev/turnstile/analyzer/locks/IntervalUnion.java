package dev.turnstile.analyzer.locks;

import java.util.Arrays;

/**
 * Length of the union of time intervals added in any order (JFR writes events per thread buffer, not in
 * time order). Intervals are buffered and, when the buffer fills, merged into disjoint ones, so memory
 * follows the number of separate busy periods rather than the number of intervals.
 */
final class IntervalUnion {
    private static final int INITIAL = 1024;

    private long[] starts = new long[INITIAL];
    private long[] ends = new long[INITIAL];
    private int size;
    private boolean merged = true;

    void add(long start, long end) {
        if (end <= start) {
            return;
        }
        if (size == starts.length) {
            merge();
            if (size > starts.length / 2) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
        }
        starts[size] = start;
        ends[size] = end;
        size++;
        merged = false;
    }

    long covered() {
        merge();
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += ends[i] - starts[i];
        }
        return total;
    }

    /** The union as disjoint intervals in time order: {@code [starts, ends]}. */
    long[][] disjoint() {
        merge();
        return new long[][] {Arrays.copyOf(starts, size), Arrays.copyOf(ends, size)};
    }

    /**
     * Sweeps starts and ends sorted separately: the number of open intervals at any time depends only on how
     * many started and how many ended before it, not on which start belongs to which end.
     */
    private void merge() {
        if (merged || size == 0) {
            merged = true;
            return;
        }
        Arrays.sort(starts, 0, size);
        Arrays.sort(ends, 0, size);
        long lastEnd = ends[size - 1];
        int out = 0;
        int open = 0;
        long runStart = 0;
        int s = 0;
        int e = 0;
        while (s < size) {
            if (starts[s] <= ends[e]) {
                if (open++ == 0) {
                    runStart = starts[s];
                }
                s++;
            } else {
                if (--open == 0) {
                    // Each run emitted so far used at least one start and one end, so out < s and
                    // out <= e: writing at out never overwrites an unread value.
                    starts[out] = runStart;
                    ends[out++] = ends[e];
                }
                e++;
            }
        }
        if (open > 0) {
            starts[out] = runStart;
            ends[out++] = lastEnd;
        }
        size = out;
        merged = true;
    }
}
