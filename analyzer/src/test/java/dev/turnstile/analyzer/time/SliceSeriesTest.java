package dev.turnstile.analyzer.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SliceSeriesTest {
    private static final long S = SliceSeries.SECOND;

    @Test
    void spreadsASpanOverTheSecondsItCoversInAnyOrder() {
        SliceSeries series = new SliceSeries();
        long base = 1_700_000_000L * S;
        series.addSpan(base + 5 * S + S / 2, base + 7 * S + S / 4); // half of second 5, all of 6, a quarter of 7
        series.addSpan(base + 2 * S, base + 2 * S + 100);          // earlier, added later: the series grows back
        series.addAt(base + 9 * S + 1, 3);
        assertArrayEquals(new double[] {100, 0, 0, S / 2.0, S, S / 4.0, 0, 3},
                series.over(base + 2 * S, base + 10 * S, S), 1e-9);
    }

    @Test
    void widensItsSlicesToStayWithinItsSizeAndKeepsTheTotal() {
        SliceSeries series = new SliceSeries();
        long slices = 3L * SliceSeries.MAX_SLICES;
        for (long i = 0; i < slices; i++) {
            series.addAt(i * S, 1);
        }
        assertEquals(4 * S, series.width(), "1 s slices doubled twice");
        double[] over = series.over(0, slices * S, series.width());
        assertEquals(slices, Arrays.stream(over).sum(), 1e-9);
        assertEquals(4, over[0], 1e-9);
    }
}
