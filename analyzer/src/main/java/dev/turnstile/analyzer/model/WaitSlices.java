package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * A pool's queue wait over time, from the tasks the agent recorded one by one (turnstile.TaskRun: those that ran at
 * least the recording's threshold, so short tasks are left out). Percentiles are bucket upper bounds (within 25 %).
 *
 * @param startOffsetNanos where the first slice starts, from the start of the observed window
 * @param sliceNanos       width of each slice
 * @param tasks            per slice: recorded tasks that a worker took in it
 * @param p50Nanos         per slice: median queue wait of those tasks, 0 without tasks
 * @param p99Nanos         per slice: 99th percentile
 * @param maxNanos         per slice: longest
 */
public record WaitSlices(long startOffsetNanos, long sliceNanos, List<Long> tasks, List<Long> p50Nanos,
                         List<Long> p99Nanos, List<Long> maxNanos) {
    public WaitSlices {
        tasks = List.copyOf(tasks);
        p50Nanos = List.copyOf(p50Nanos);
        p99Nanos = List.copyOf(p99Nanos);
        maxNanos = List.copyOf(maxNanos);
    }
}
