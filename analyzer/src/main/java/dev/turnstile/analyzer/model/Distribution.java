package dev.turnstile.analyzer.model;

/**
 * A distribution of durations: how many, their sum, and percentiles. Percentiles from the agent's bucketed
 * histograms are the upper bound of the bucket they fall in (within 19 %), so read them as "at most".
 */
public record Distribution(long count, long totalNanos, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos) {
    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0);

    public double meanNanos() {
        return count == 0 ? 0 : (double) totalNanos / count;
    }
}
