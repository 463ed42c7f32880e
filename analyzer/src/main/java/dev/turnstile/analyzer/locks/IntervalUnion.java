package dev.turnstile.analyzer.locks;

import java.util.Arrays;

/**
 * Length of the union of time intervals added in any order (JFR writes events per thread buffer, not in
 * time order). Intervals are buffered and, when the buffer fills, merged into disjoint ones, so memory
 * follows the number of separate busy periods rather than the number of intervals.
 */
public final class IntervalUnion {
    /** Most locks have few separate busy periods: start small, a recording may hold many thousands of locks. */
    private static final int INITIAL = 16;
    /**
     * Separate busy periods kept at most. Beyond, the shortest gaps between periods are closed and their lengths
     * remembered, so that the covered total stays exact for what was added before; a later interval inside a closed
     * gap is then not counted, and a timeline shows the gap as busy. Memory stays fixed however long the recording.
     */
    static final int MAX_PERIODS = 1 << 16;

    private long[] starts = new long[INITIAL];
    private long[] ends = new long[INITIAL];
    private int size;
    private boolean merged = true;
    /** Total length of the gaps closed to stay within {@link #MAX_PERIODS}, and how many were closed. */
    private long closedGaps;
    private long closedGapCount;

    public void add(long start, long end) {
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

    public long covered() {
        merge();
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += ends[i] - starts[i];
        }
        return total - closedGaps;
    }

    /**
     * The length of the union inside [from, to). Gaps closed to save memory count as covered here when they lie
     * inside, unless the whole union does, which keeps the common case exact.
     */
    public long covered(long from, long to) {
        merge();
        if (size == 0 || (starts[0] >= from && ends[size - 1] <= to)) {
            return covered();
        }
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += Math.max(0, Math.min(ends[i], to) - Math.max(starts[i], from));
        }
        return total;
    }

    /** How many separate periods the intervals make (counting those merged to save memory). */
    public long periodCount() {
        merge();
        return size + closedGapCount;
    }

    /** The disjoint busy periods in time order, as {start0, end0, start1, end1, ...}. */
    public long[] periods() {
        merge();
        long[] periods = new long[size * 2];
        for (int i = 0; i < size; i++) {
            periods[2 * i] = starts[i];
            periods[2 * i + 1] = ends[i];
        }
        return periods;
    }

    /** Closes the shorter half of the gaps between periods. Call only on merged, sorted periods. */
    private void closeShortestGaps() {
        long[] gaps = new long[size - 1];
        for (int i = 1; i < size; i++) {
            gaps[i - 1] = starts[i] - ends[i - 1];
        }
        Arrays.sort(gaps);
        long limit = gaps[gaps.length / 2];
        int out = 0;
        for (int i = 1; i < size; i++) {
            long gap = starts[i] - ends[out];
            if (gap <= limit) {
                closedGaps += gap;
                closedGapCount++;
                ends[out] = ends[i];
            } else {
                out++;
                starts[out] = starts[i];
                ends[out] = ends[i];
            }
        }
        size = out + 1;
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
        if (size > MAX_PERIODS) {
            closeShortestGaps();
        }
    }
}
