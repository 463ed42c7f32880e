package dev.turnstile.analyzer.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecentWaitsTest {

    @Test
    void countsNestedWaitsOnce() {
        RecentWaits waits = new RecentWaits();
        // Two parks inside one lock acquisition, written before it (they end first).
        assertEquals(30, waits.add(100, 130));
        assertEquals(20, waits.add(150, 170));
        // The acquisition adds only what the parks did not cover.
        assertEquals(100 - 50, waits.add(100, 200));
        // Seen again in full: nothing new.
        assertEquals(0, waits.add(120, 180));
    }

    @Test
    void addsDisjointAndPartlyOverlappingWaits() {
        RecentWaits waits = new RecentWaits();
        assertEquals(10, waits.add(0, 10));
        assertEquals(10, waits.add(20, 30));
        assertEquals(5, waits.add(25, 35));
        assertEquals(0, waits.add(40, 40), "empty");
    }

    @Test
    void forgetsTheOldestWhenFull() {
        RecentWaits waits = new RecentWaits();
        for (int i = 0; i < RecentWaits.KEPT + 1; i++) {
            assertEquals(5, waits.add(i * 10L, i * 10L + 5));
        }
        // The first interval was forgotten: a wait overlapping it counts in full; a recent one does not.
        assertEquals(5, waits.add(0, 5));
        assertEquals(0, waits.add(RecentWaits.KEPT * 10L, RecentWaits.KEPT * 10L + 5));
    }
}
