package dev.turnstile.analyzer.pools;

import dev.turnstile.analyzer.model.WaitSlices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queue waits per slice of time as small histograms (buckets a quarter power of two wide, so within 25 %; the
 * agent's are finer), for a pool's wait percentiles over time. Slices are whole seconds of the clock; past
 * {@link #MAX_SLICES} of them every slice doubles in width, so memory stays fixed however long the recording.
 */
final class WaitHistograms {
    static final int MAX_SLICES = 1024;
    private static final long SECOND = 1_000_000_000L;
    /** 4 buckets per power of two from 1 ns to 2^63 ns. */
    private static final int BUCKETS = 4 * 64;

    private long width = SECOND;
    private final TreeMap<Long, long[]> slices = new TreeMap<>();

    void add(long epochNanos, long waitNanos) {
        long[] slice = slices.computeIfAbsent(Math.floorDiv(epochNanos, width), s -> new long[BUCKETS]);
        slice[bucket(Math.max(1, waitNanos))]++;
        while (slices.size() > MAX_SLICES) {
            widen();
        }
    }

    private void widen() {
        TreeMap<Long, long[]> merged = new TreeMap<>();
        for (Map.Entry<Long, long[]> slice : slices.entrySet()) {
            long[] into = merged.computeIfAbsent(Math.floorDiv(slice.getKey(), 2), s -> new long[BUCKETS]);
            for (int b = 0; b < BUCKETS; b++) {
                into[b] += slice.getValue()[b];
            }
        }
        slices.clear();
        slices.putAll(merged);
        width *= 2;
    }

    static int bucket(long nanos) {
        int power = 63 - Long.numberOfLeadingZeros(nanos);
        // the two bits below the top one say which quarter of the power of two it is in
        int quarter = power >= 2 ? (int) ((nanos >>> (power - 2)) & 3) : (int) ((nanos << (2 - power)) & 3);
        return Math.min(BUCKETS - 1, power * 4 + quarter);
    }

    static long upperBound(int bucket) {
        int power = bucket / 4;
        int quarter = bucket % 4;
        double bound = Math.pow(2, power) * (1 + (quarter + 1) / 4.0);
        return bound >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(bound) - 1;
    }

    /** The slices over the window, or null when no wait was added. */
    WaitSlices over(long windowStart, long windowNanos) {
        if (slices.isEmpty()) {
            return null;
        }
        long first = Math.floorDiv(windowStart, width);
        long last = Math.floorDiv(Math.max(windowStart, windowStart + windowNanos - 1), width);
        List<Long> tasks = new ArrayList<>();
        List<Long> p50 = new ArrayList<>();
        List<Long> p99 = new ArrayList<>();
        List<Long> max = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            long[] slice = slices.get(s);
            long count = 0;
            if (slice != null) {
                for (long n : slice) {
                    count += n;
                }
            }
            tasks.add(count);
            p50.add(count == 0 ? 0 : quantile(slice, count, 0.50));
            p99.add(count == 0 ? 0 : quantile(slice, count, 0.99));
            max.add(count == 0 ? 0 : quantile(slice, count, 1.0));
        }
        return new WaitSlices(first * width - windowStart, width, tasks, p50, p99, max);
    }

    private static long quantile(long[] slice, long count, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += slice[b];
            if (seen >= rank) {
                return upperBound(b);
            }
        }
        return upperBound(BUCKETS - 1);
    }
}
