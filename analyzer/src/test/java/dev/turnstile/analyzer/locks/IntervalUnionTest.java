package dev.turnstile.analyzer.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntervalUnionTest {

    @Test
    void emptyCoversNothing() {
        assertEquals(0, new IntervalUnion().covered());
    }

    @Test
    void overlappingNestedAndTouchingIntervalsCountOnce() {
        IntervalUnion union = new IntervalUnion();
        union.add(10, 20);
        union.add(15, 30);   // overlaps
        union.add(12, 14);   // nested
        union.add(30, 35);   // touches
        union.add(50, 60);   // separate
        union.add(55, 55);   // empty, ignored
        assertEquals(35, union.covered());
    }

    @Test
    void matchesBruteForceForManyRandomIntervalsInAnyOrder() {
        Random random = new Random(42);
        IntervalUnion union = new IntervalUnion();
        BitSet covered = new BitSet();
        // Enough intervals to force several merges of the buffer, some of them sparse, some dense.
        for (int i = 0; i < 20_000; i++) {
            int start = random.nextInt(200_000);
            int length = random.nextInt(i % 3 == 0 ? 40 : 4);
            union.add(start, start + length);
            covered.set(start, start + length);
            if (i % 5_000 == 0) {
                assertEquals(covered.cardinality(), union.covered(), "after " + i + " intervals");
            }
        }
        assertEquals(covered.cardinality(), union.covered());
    }

    @Test
    void keepsMemoryFixedYetTheTotalExactWhenThereAreMorePeriodsThanItKeeps() {
        IntervalUnion union = new IntervalUnion();
        int periods = IntervalUnion.MAX_PERIODS + 10_000;
        // Disjoint periods of 3 ns, 7 ns apart and, every tenth, 100 ns apart: the short gaps get closed.
        long start = 0;
        for (int i = 0; i < periods; i++) {
            union.add(start, start + 3);
            start += 3 + (i % 10 == 0 ? 100 : 7);
        }
        assertEquals(3L * periods, union.covered());
        assertEquals(periods, union.periodCount());
        assertTrue(union.periods().length / 2 <= IntervalUnion.MAX_PERIODS, "periods kept");
    }
}
