package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * A lock's contention second by second (wider slices for long recordings, so that there are at most about a thousand).
 *
 * @param startOffsetNanos where the first slice starts, from the start of the recording's window (slices are aligned to
 *                         whole seconds of the clock, so this is between minus one slice and 0)
 * @param sliceNanos       width of each slice
 * @param busy             per slice: share of it with someone queued on the lock
 * @param meanWaiters      per slice: threads queued on average (time waited in the slice / slice width)
 */
public record Timeline(long startOffsetNanos, long sliceNanos, List<Double> busy, List<Double> meanWaiters) {
    public Timeline {
        busy = List.copyOf(busy);
        meanWaiters = List.copyOf(meanWaiters);
    }
}
