package dev.turnstile.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.reports.Units;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTest {
    private static final long S = 1_000_000_000L;

    @Test
    void stepsStayInsideTheWindowAndTheAxisFitsTheLargestValue() {
        // slices aligned to the clock: the first starts 0.4 s before the window, the last ends after it
        Chart chart = Chart.of("t", -400_000_000L, S, 2_500_000_000L, 1, Units::decimal,
                List.of(new Chart.Data("a", "c1", List.of(1.0, 3.0, 2.0), true)));
        assertEquals("5.00", chart.yMax());
        assertEquals("2.50", chart.yMid());
        Chart.Series series = chart.series().get(0);
        double[] xs = Arrays.stream(series.points().split(" ")).mapToDouble(p -> Double.parseDouble(p.split(",")[0]))
                .toArray();
        assertEquals(Chart.LEFT, xs[0], 0.1, "the first step starts at the window's start");
        assertEquals(Chart.WIDTH - 8, xs[xs.length - 1], 0.1, "the last one ends at its end");
        assertTrue(series.area().startsWith(xs[0] + ","), series.area());
        assertEquals("0 s", chart.xTicks().get(0).label());
        assertTrue(chart.xTicks().stream().allMatch(t -> t.x() <= Chart.WIDTH - 8 + 0.01), "ticks inside the plot");
    }

    @Test
    void unfilledSeriesHaveNoArea() {
        Chart chart = Chart.of("t", 0, S, S, 1, Units::percent, List.of(new Chart.Data("a", "c2", List.of(0.2), false)));
        assertNull(chart.series().get(0).area());
        assertEquals("100%", chart.yMax());
    }

    @Test
    void axisTopsAreRoundNumbers() {
        assertEquals(1, Chart.niceCeiling(0));
        assertEquals(2, Chart.niceCeiling(1.3));
        assertEquals(5, Chart.niceCeiling(4.43));
        assertEquals(1000, Chart.niceCeiling(827));
        assertEquals(0.5, Chart.niceCeiling(0.31), 1e-12);
    }
}
