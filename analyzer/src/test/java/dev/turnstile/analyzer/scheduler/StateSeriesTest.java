package dev.turnstile.analyzer.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnstile.analyzer.model.ThreadStates;
import org.junit.jupiter.api.Test;

class StateSeriesTest {
    private static final long S = 1_000_000_000L;

    @Test
    void cutsCountersAndWaitsIntoSlicesOfTheThreadsLife() {
        StateSeries series = new StateSeries();
        long t0 = 5_000 * S;
        // second 0: running half, runnable a quarter; second 1: blocked 0.6 s; second 2: sleeping all of it
        series.addCpu(t0, t0 + S, S / 2, S / 4);
        series.addWait(OffCpuState.BLOCKED, t0 + S, t0 + S + 600_000_000L);
        series.addWait(OffCpuState.SLEEPING, t0 + 2 * S, t0 + 3 * S);
        // the thread started 0.5 s into the window: second 0 is half its life
        ThreadStates[] slices = series.over(t0, t0 + 3 * S, S, t0, t0 + 3 * S);
        assertEquals(3, slices.length);
        assertEquals(S / 2, slices[0].running());
        assertEquals(S / 4, slices[0].runnable());
        assertEquals(S / 4, slices[0].other());
        assertEquals(600_000_000L, slices[1].blocked());
        assertEquals(400_000_000L, slices[1].other());
        assertEquals(S, slices[2].sleeping());
        assertEquals(S, slices[2].total());

        ThreadStates[] late = series.over(t0, t0 + 3 * S, S, t0 + 2 * S, t0 + 3 * S);
        assertEquals(0, late[1].total(), "nothing is charged outside its life");
        assertEquals(S, late[2].total());
    }

    @Test
    void waitsThatExceedTheTimeOffTheCpuAreScaledToFit() {
        StateSeries series = new StateSeries();
        series.addCpu(0, S, S / 2, 0);
        series.addWait(OffCpuState.PARKED, 0, S);
        ThreadStates[] slices = series.over(0, S, S, 0, S);
        assertEquals(S / 2, slices[0].running());
        assertEquals(S / 2, slices[0].parked());
        assertEquals(0, slices[0].other());
    }
}
