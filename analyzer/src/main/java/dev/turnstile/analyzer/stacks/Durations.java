package dev.turnstile.analyzer.stacks;

import dev.turnstile.analyzer.model.Distribution;
import org.HdrHistogram.Histogram;

/**
 * Durations seen one by one, summarised in fixed memory: an HdrHistogram with three significant digits (a few tens
 * of kilobytes however many values), plus the exact count and sum.
 */
public final class Durations {
    private final Histogram histogram = new Histogram(3);
    private long total;

    public void record(long nanos) {
        long value = Math.max(0, nanos);
        histogram.recordValue(value);
        total += value;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public Distribution summary() {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution(count, total, histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }
}
