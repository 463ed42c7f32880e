package dev.turnstile.analyzer.scheduler;

import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.time.SliceSeries;

/**
 * One thread's running, runnable and recorded waits per slice of time, for its timeline. Each part is a
 * {@link SliceSeries}, so its memory is bounded however long the recording.
 */
final class StateSeries {
    private final SliceSeries running = new SliceSeries();
    private final SliceSeries runnable = new SliceSeries();
    private final SliceSeries[] waits = new SliceSeries[OffCpuState.values().length];

    StateSeries() {
        for (int i = 0; i < waits.length; i++) {
            waits[i] = new SliceSeries();
        }
    }

    /** A counter sample's deltas accrued somewhere in [start, end): spread evenly over it. */
    void addCpu(long start, long end, long onCpu, long runQueue) {
        running.addSpread(start, end, onCpu);
        runnable.addSpread(start, end, runQueue);
    }

    void addWait(OffCpuState state, long start, long end) {
        waits[state.ordinal()].addSpan(start, end);
    }

    /** The widest slices any part had to take: the grid every part can be read on. */
    long width() {
        long width = Math.max(running.width(), runnable.width());
        for (SliceSeries wait : waits) {
            width = Math.max(width, wait.width());
        }
        return width;
    }

    /**
     * The states per slice of {@code width} over [from, to), each slice's total being the part of it in which the
     * thread was alive ({@code lifeStart}, {@code lifeEnd}). As for the whole life, the counters are exact and the
     * recorded waits are scaled to fit the time off the CPU; what they leave unexplained is {@code other}.
     */
    ThreadStates[] over(long from, long to, long width, long lifeStart, long lifeEnd) {
        double[] run = running.over(from, to, width);
        double[] queue = runnable.over(from, to, width);
        double[][] waited = new double[waits.length][];
        for (int i = 0; i < waits.length; i++) {
            waited[i] = waits[i].over(from, to, width);
        }
        long first = Math.floorDiv(from, width);
        ThreadStates[] slices = new ThreadStates[run.length];
        for (int s = 0; s < run.length; s++) {
            long sliceStart = (first + s) * width;
            long alive = Math.max(0, Math.min(sliceStart + width, lifeEnd) - Math.max(sliceStart, lifeStart));
            long onCpu = Math.round(run[s]);
            long queued = Math.round(queue[s]);
            alive = Math.max(alive, onCpu + queued);
            long offCpu = alive - onCpu - queued;
            double recorded = 0;
            for (double[] wait : waited) {
                recorded += wait[s];
            }
            double scale = recorded > offCpu ? offCpu / recorded : 1.0;
            long[] parts = new long[waits.length];
            long explained = 0;
            for (int i = 0; i < waits.length; i++) {
                parts[i] = (long) (waited[i][s] * scale);
                explained += parts[i];
            }
            slices[s] = new ThreadStates(onCpu, queued, parts[OffCpuState.BLOCKED.ordinal()],
                    parts[OffCpuState.PARKED.ordinal()], parts[OffCpuState.WAITING.ordinal()],
                    parts[OffCpuState.SLEEPING.ordinal()], parts[OffCpuState.IO.ordinal()],
                    Math.max(0, offCpu - explained));
        }
        return slices;
    }
}
