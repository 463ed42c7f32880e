package dev.turnstile.analyzer.scheduler;

import dev.turnstile.analyzer.model.ParallelismSlice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * On-CPU and run-queue time per second. A sample's deltas accrued somewhere in its interval, so they are spread evenly
 * over it. The seconds count from where the first sample's interval began, the agent's baseline, which is where the
 * observed window begins too: slices of the window then take whole seconds, and nothing is lost at its edges. Memory
 * follows the recording's length in seconds, not its number of events.
 */
final class CpuTimeline {
    static final long SECOND = 1_000_000_000L;
    /** Longer recordings get wider slices, so a report's timeline stays readable. */
    static final int MAX_SLICES = 3_600;

    /** Per second from {@link #origin}: on-CPU nanoseconds, run-queue nanoseconds, context switches. */
    private final Map<Long, long[]> seconds = new HashMap<>();
    private long origin;
    private boolean started;

    void add(long endEpochNanos, long intervalNanos, long onCpu, long runQueue, long switches) {
        long interval = Math.max(0, intervalNanos);
        long start = endEpochNanos - interval;
        if (!started) {
            origin = start;
            started = true;
        }
        if (interval == 0) {
            long[] slot = at(secondOf(endEpochNanos));
            slot[0] += onCpu;
            slot[1] += runQueue;
            slot[2] += switches;
            return;
        }
        for (long second = secondOf(start); startOf(second) < endEpochNanos; second++) {
            long overlap = Math.min(endEpochNanos, startOf(second + 1)) - Math.max(start, startOf(second));
            double share = (double) overlap / interval;
            long[] slot = at(second);
            slot[0] += Math.round(onCpu * share);
            slot[1] += Math.round(runQueue * share);
            slot[2] += Math.round(switches * share);
        }
    }

    private long secondOf(long epochNanos) {
        return Math.floorDiv(epochNanos - origin, SECOND);
    }

    private long startOf(long second) {
        return origin + second * SECOND;
    }

    private long[] at(long second) {
        return seconds.computeIfAbsent(second, s -> new long[3]);
    }

    /** The slices of the window, {@code sliceNanos} long (the last one may be shorter). */
    List<ParallelismSlice> slices(long windowStart, long windowEnd, long sliceNanos) {
        List<ParallelismSlice> slices = new ArrayList<>();
        for (long from = windowStart; from < windowEnd; from += sliceNanos) {
            long to = Math.min(windowEnd, from + sliceNanos);
            double onCpu = 0;
            double runQueue = 0;
            double switches = 0;
            if (started) {
                for (long second = secondOf(from); startOf(second) < to; second++) {
                    long[] slot = seconds.get(second);
                    if (slot == null) {
                        continue;
                    }
                    // The part of this second inside the slice: all of it but at the window's edges, if the window
                    // and the seconds do not start together.
                    double inside = (double) (Math.min(to, startOf(second + 1)) - Math.max(from, startOf(second)))
                            / SECOND;
                    onCpu += slot[0] * inside;
                    runQueue += slot[1] * inside;
                    switches += slot[2] * inside;
                }
            }
            long length = to - from;
            slices.add(new ParallelismSlice(from - windowStart, length, onCpu / length, runQueue / length,
                    switches * SECOND / length));
        }
        return slices;
    }

    static long sliceNanosFor(long windowNanos) {
        long slices = Math.max(1, (windowNanos + SECOND - 1) / SECOND);
        long perSlice = (slices + MAX_SLICES - 1) / MAX_SLICES;
        return perSlice * SECOND;
    }
}
