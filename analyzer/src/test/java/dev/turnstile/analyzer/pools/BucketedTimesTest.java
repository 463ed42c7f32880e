package dev.turnstile.analyzer.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.turnstile.analyzer.model.Distribution;
import org.junit.jupiter.api.Test;

class BucketedTimesTest {

    @Test
    void percentilesAreUpperBoundsAndLaterCumulativeCountsWin() {
        BucketedTimes times = new BucketedTimes();
        times.add(1_000, 10);
        times.add(2_000, 80);
        times.add(2_000, 85); // a later, larger cumulative count of the same bucket
        times.add(4_000, 5);
        Distribution summary = times.summary();
        assertEquals(100, summary.count());
        assertEquals(2_000, summary.p50Nanos());
        assertEquals(2_000, summary.p95Nanos());
        assertEquals(4_000, summary.p99Nanos());
        assertEquals(4_000, summary.maxNanos());
        // Midpoints: 10 x 500 + 85 x 1500.5 + 5 x 3000.5
        assertEquals(10 * 500 + 85 * 1500.5 + 5 * 3000.5, summary.totalNanos(), 1);
    }

    @Test
    void theOpenLastBucketReadsAsItsLowerBound() {
        BucketedTimes times = new BucketedTimes();
        times.add(1_000, 1);
        times.add(Long.MAX_VALUE, 1);
        assertEquals(1_001, times.summary().maxNanos());
    }

    @Test
    void suggestionKeepsUtilisationNearEightyPercentButNoMoreThreadsThanTheCpusFeed() {
        assertEquals(5, PoolCollector.suggestedWorkers(4.0, null, 2));
        // CPU-bound tasks (f = 1) on 2 CPUs: more than 2 workers only queue for CPUs.
        assertEquals(2, PoolCollector.suggestedWorkers(4.0, 1.0, 2));
        // Tasks on a CPU a tenth of their time: up to 20 workers keep 2 CPUs busy.
        assertEquals(5, PoolCollector.suggestedWorkers(4.0, 0.1, 2));
        assertEquals(1, PoolCollector.suggestedWorkers(0.01, 0.5, 2));
        assertNull(PoolCollector.suggestedWorkers(0, 0.5, 2));
    }
}
