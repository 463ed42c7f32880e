package dev.turnstile.analyzer.pools;

import dev.turnstile.analyzer.model.Distribution;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of an executor's histograms as the agent writes them: cumulative tasks per bucket, each bucket named by its
 * upper bound. Later events carry larger counts, so each bucket keeps its largest.
 */
final class BucketedTimes {
    private final TreeMap<Long, Long> tasksByUpperBound = new TreeMap<>();

    void add(long upperBoundNanos, long tasks) {
        tasksByUpperBound.merge(upperBoundNanos, tasks, Math::max);
    }

    /**
     * Percentiles are bucket upper bounds; the total uses each bucket's midpoint (the open-ended last bucket its
     * lower bound), so the mean is within the buckets' 19 % width.
     */
    Distribution summary() {
        long count = 0;
        double total = 0;
        long lower = 0;
        for (Map.Entry<Long, Long> bucket : tasksByUpperBound.entrySet()) {
            long upper = bucket.getKey();
            double mid = upper == Long.MAX_VALUE ? lower : (lower + (double) upper) / 2;
            count += bucket.getValue();
            total += mid * bucket.getValue();
            lower = upper + 1;
        }
        if (count == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution(count, (long) total, quantile(count, 0.50), quantile(count, 0.95),
                quantile(count, 0.99), quantile(count, 1.0));
    }

    private long quantile(long count, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        long lower = 0;
        for (Map.Entry<Long, Long> bucket : tasksByUpperBound.entrySet()) {
            seen += bucket.getValue();
            long upper = bucket.getKey();
            if (bucket.getValue() > 0 && seen >= rank) {
                // The last bucket has no upper bound: its lower bound is all that is known.
                return upper == Long.MAX_VALUE ? lower : upper;
            }
            lower = upper + 1;
        }
        return lower;
    }
}
