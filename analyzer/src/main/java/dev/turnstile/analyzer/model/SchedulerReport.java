package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * The process's threads as the kernel's scheduler saw them (per-thread counters sampled by the agent), joined with the
 * waits JFR recorded. Metric definitions: DESIGN.md and docs/json-report.md.
 *
 * @param samplePeriodNanos the agent's sampling period, or 0 if the recording does not say
 * @param states            all threads' states summed
 * @param runQueueShare     runnable / (runnable + running) over all threads: how much of the time threads wanted a CPU
 *                          they waited for one
 * @param meanThreadsWantingCpu (running + runnable) / window: threads running or ready to run, on average
 * @param application       the same three for the application's threads alone (the JVM's own left out: a JIT
 *                          compiler warming up on a busy machine is not the program's oversubscription)
 * @param meanParallelism   running / window: CPUs the process used on average
 * @param peakParallelism   the most CPUs in use in one slice of the timeline
 * @param timeline          effective parallelism over time, in slices of {@code sliceNanos}
 * @param switchCost        what one context switch is taken to cost, and where that figure comes from
 * @param groups            threads by name pattern, most running plus runnable time first
 * @param threads           every thread seen, most running plus runnable time first
 * @param notes             what the reader should know about these numbers, one sentence each
 * @param threadTimelines   the states of the busiest threads over time, the application's first (at most
 *                          {@link #TIMELINE_THREADS}; threads seen after the analyzer's limit have none)
 */
public record SchedulerReport(long samplePeriodNanos, ThreadStates states, double runQueueShare,
                              double meanThreadsWantingCpu, Load application, double meanParallelism,
                              double peakParallelism,
                              long sliceNanos, List<ParallelismSlice> timeline, SwitchCost switchCost,
                              List<ThreadGroupSchedule> groups, List<ThreadSchedule> threads, List<String> notes,
                              List<ThreadTimeline> threadTimelines) {
    public static final int TIMELINE_THREADS = 40;

    public SchedulerReport {
        timeline = List.copyOf(timeline);
        groups = List.copyOf(groups);
        threads = List.copyOf(threads);
        notes = List.copyOf(notes);
        threadTimelines = List.copyOf(threadTimelines);
    }

    /** Without per-thread timelines. */
    public SchedulerReport(long samplePeriodNanos, ThreadStates states, double runQueueShare,
                           double meanThreadsWantingCpu, Load application, double meanParallelism,
                           double peakParallelism, long sliceNanos, List<ParallelismSlice> timeline,
                           SwitchCost switchCost, List<ThreadGroupSchedule> groups, List<ThreadSchedule> threads,
                           List<String> notes) {
        this(samplePeriodNanos, states, runQueueShare, meanThreadsWantingCpu, application, meanParallelism,
                peakParallelism, sliceNanos, timeline, switchCost, groups, threads, notes, List.of());
    }

    /**
     * Where some threads' time went, and what that means for the CPUs.
     *
     * @param runQueueShare         runnable / (runnable + running), 0 when they never wanted a CPU
     * @param meanThreadsWantingCpu (running + runnable) / window
     */
    public record Load(ThreadStates states, double runQueueShare, double meanThreadsWantingCpu) {
    }

    /**
     * @param perSwitchNanos cost of one switch (calibration: one thread handing off to another on one CPU)
     * @param calibrated     false when it is the documented default rather than measured on this machine
     * @param source         "defaults", or what machine and when it was measured on
     */
    public record SwitchCost(long perSwitchNanos, boolean calibrated, String source) {
    }
}
