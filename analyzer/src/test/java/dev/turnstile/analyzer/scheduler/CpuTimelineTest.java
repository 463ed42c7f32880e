package dev.turnstile.analyzer.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnstile.analyzer.model.ParallelismSlice;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuTimelineTest {
    private static final long S = CpuTimeline.SECOND;

    @Test
    void spreadsEachSampleOverItsIntervalAndSlicesTheWindow() {
        CpuTimeline timeline = new CpuTimeline();
        long start = 1_000 * S + 300_000_000L;
        // Two threads: one busy for the first two seconds, one for the third, each half waiting for a CPU.
        timeline.add(start + 2 * S, 2 * S, 2 * S, S, 400);
        timeline.add(start + 3 * S, S, S / 2, S / 2, 50);
        List<ParallelismSlice> slices = timeline.slices(start, start + 3 * S, S);
        assertEquals(3, slices.size());
        assertEquals(1.0, slices.get(0).cpusInUse(), 1e-9);
        assertEquals(0.5, slices.get(0).waitingForCpu(), 1e-9);
        assertEquals(1.0, slices.get(1).cpusInUse(), 1e-9);
        assertEquals(0.5, slices.get(2).cpusInUse(), 1e-9);
        assertEquals(2 * S, slices.get(2).offsetNanos());
        assertEquals(200, slices.get(0).switchesPerSecond(), 1e-9);
        assertEquals(50, slices.get(2).switchesPerSecond(), 1e-9);
    }

    @Test
    void longRecordingsGetWiderSlices() {
        assertEquals(S, CpuTimeline.sliceNanosFor(10 * S));
        assertEquals(S, CpuTimeline.sliceNanosFor(CpuTimeline.MAX_SLICES * S));
        assertEquals(2 * S, CpuTimeline.sliceNanosFor(CpuTimeline.MAX_SLICES * S + 1));
        assertEquals(24, CpuTimeline.sliceNanosFor(86_400 * S) / S);
    }
}
