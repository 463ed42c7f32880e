package dev.turnstile.analyzer.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.WaitSlices;
import org.junit.jupiter.api.Test;

class WaitHistogramsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void percentilesPerSecondAreBucketBoundsWithinAFifth() {
        WaitHistograms waits = new WaitHistograms();
        long t0 = 7_000 * S;
        for (int i = 1; i <= 100; i++) {
            waits.add(t0 + 10 * i, i * 1_000_000L); // second 0: 1..100 ms
        }
        waits.add(t0 + 2 * S, 5_000);             // second 2: one task, 5 us
        WaitSlices slices = waits.over(t0, 3 * S);
        assertEquals(3, slices.tasks().size());
        assertEquals(100, slices.tasks().get(0));
        assertEquals(0, slices.tasks().get(1));
        assertBound(50_000_000L, slices.p50Nanos().get(0));
        assertBound(99_000_000L, slices.p99Nanos().get(0));
        assertBound(100_000_000L, slices.maxNanos().get(0));
        assertBound(5_000L, slices.maxNanos().get(2));
        assertEquals(0, slices.startOffsetNanos());
    }

    @Test
    void longRecordingsGetWiderSlicesAndNothingIsNull() {
        assertNull(new WaitHistograms().over(0, S));
        WaitHistograms waits = new WaitHistograms();
        for (long s = 0; s < 3 * WaitHistograms.MAX_SLICES; s++) {
            waits.add(s * S, 1000);
        }
        WaitSlices slices = waits.over(0, 3 * WaitHistograms.MAX_SLICES * S);
        assertEquals(4 * S, slices.sliceNanos());
        assertEquals(3 * WaitHistograms.MAX_SLICES, slices.tasks().stream().mapToLong(Long::longValue).sum());
    }

    private static void assertBound(long truth, long bound) {
        assertTrue(bound >= truth && bound <= truth * 1.26, () -> bound + " is not an upper bound near " + truth);
    }
}
