package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * One thread's states over time: where its time went in each slice of the recording, from the same counters and waits
 * as its {@link ThreadSchedule}, cut into slices.
 *
 * @param startOffsetNanos where the first slice starts, from the start of the observed window (slices are aligned to
 *                         whole seconds of the clock, so this is between minus one slice and 0)
 * @param sliceNanos       width of each slice
 * @param slices           per slice, nanoseconds per state; a slice's total is the part of it the thread was alive
 *                         (0 before it started and after it ended)
 */
public record ThreadTimeline(long tid, String name, boolean jvmInternal, long startOffsetNanos, long sliceNanos,
                             List<ThreadStates> slices) {
    public ThreadTimeline {
        slices = List.copyOf(slices);
    }
}
