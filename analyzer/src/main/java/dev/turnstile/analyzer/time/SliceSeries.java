package dev.turnstile.analyzer.time;

import java.util.Arrays;

/**
 * Amounts per time slice, for timelines: one second per slice, aligned to whole seconds of the clock so that every
 * series of a recording shares the same grid. Events come in any order, so the series grows at either end; when it
 * would hold more than {@link #MAX_SLICES} slices, every slice doubles in width (neighbours are added up), which keeps
 * its memory fixed however long the recording.
 */
public final class SliceSeries {
    public static final long SECOND = 1_000_000_000L;
    public static final int MAX_SLICES = 1024;

    private long width = SECOND;
    /** Index (time / width) of values[0]; meaningful once something was added. */
    private long firstIndex;
    private double[] values = new double[0];

    public long width() {
        return width;
    }

    /** Adds the nanoseconds of [start, end) to the slices they fall in. */
    public void addSpan(long start, long end) {
        if (end <= start) {
            return;
        }
        cover(Math.floorDiv(start, width), Math.floorDiv(end - 1, width));
        long from = start;
        while (from < end) {
            long index = Math.floorDiv(from, width);
            long sliceEnd = (index + 1) * width;
            long to = Math.min(end, sliceEnd);
            values[(int) (index - firstIndex)] += to - from;
            from = to;
        }
    }

    /** Spreads {@code amount} evenly over [start, end): each slice gets the share of it that its overlap is. */
    public void addSpread(long start, long end, double amount) {
        if (end <= start) {
            addAt(end, amount);
            return;
        }
        cover(Math.floorDiv(start, width), Math.floorDiv(end - 1, width));
        double perNano = amount / (end - start);
        long from = start;
        while (from < end) {
            long index = Math.floorDiv(from, width);
            long to = Math.min(end, (index + 1) * width);
            values[(int) (index - firstIndex)] += (to - from) * perNano;
            from = to;
        }
    }

    /** Adds {@code amount} to the slice holding {@code time}. */
    public void addAt(long time, double amount) {
        long index = Math.floorDiv(time, width);
        cover(index, index);
        values[(int) (Math.floorDiv(time, width) - firstIndex)] += amount;
    }

    /**
     * The amounts in slices of {@code sliceWidth} (a power-of-two multiple of one second, at least {@link #width()})
     * from the slice holding {@code from} to the one holding {@code to - 1}; 0 where nothing was added.
     */
    public double[] over(long from, long to, long sliceWidth) {
        if (sliceWidth < width || sliceWidth % width != 0) {
            throw new IllegalArgumentException("slices of " + sliceWidth + " ns cannot be made from " + width);
        }
        long first = Math.floorDiv(from, sliceWidth);
        long last = Math.floorDiv(Math.max(from, to - 1), sliceWidth);
        double[] out = new double[(int) (last - first + 1)];
        long ratio = sliceWidth / width;
        for (int i = 0; i < values.length; i++) {
            long target = Math.floorDiv(firstIndex + i, ratio) - first;
            if (target >= 0 && target < out.length) {
                out[(int) target] += values[i];
            }
        }
        return out;
    }

    /** Makes room for slices first..last, growing either end and widening slices as needed. */
    private void cover(long first, long last) {
        if (values.length == 0) {
            firstIndex = first;
            values = new double[1];
        }
        while (true) {
            long low = Math.min(first, firstIndex);
            long high = Math.max(last, firstIndex + values.length - 1);
            if (high - low + 1 <= MAX_SLICES) {
                if (low < firstIndex || high >= firstIndex + values.length) {
                    double[] grown = new double[(int) (high - low + 1)];
                    System.arraycopy(values, 0, grown, (int) (firstIndex - low), values.length);
                    values = grown;
                    firstIndex = low;
                }
                return;
            }
            widen();
            first = Math.floorDiv(first, 2);
            last = Math.floorDiv(last, 2);
        }
    }

    private void widen() {
        long newFirst = Math.floorDiv(firstIndex, 2);
        long newLast = Math.floorDiv(firstIndex + values.length - 1, 2);
        double[] merged = new double[(int) (newLast - newFirst + 1)];
        for (int i = 0; i < values.length; i++) {
            merged[(int) (Math.floorDiv(firstIndex + i, 2) - newFirst)] += values[i];
        }
        values = merged;
        firstIndex = newFirst;
        width *= 2;
    }

    @Override
    public String toString() {
        return "SliceSeries[width=" + width + ", first=" + firstIndex + ", " + Arrays.toString(values) + "]";
    }
}
