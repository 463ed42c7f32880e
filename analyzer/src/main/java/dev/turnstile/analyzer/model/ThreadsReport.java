package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * Platform threads over the recording (DESIGN.md, "Threads").
 *
 * @param started         platform threads started while recording
 * @param startFailures   Thread.start calls that threw (no memory or thread limit for a new thread)
 * @param startRate       threads started per second
 * @param startCost       the creator's time in Thread.start (needs the agent; EMPTY without it)
 * @param lifetime        lifetimes of the threads that both started and ended while recording
 * @param shortLived      threads among those that lived less than {@link #SHORT_LIVED_NANOS}
 * @param peakLive        the most live Java threads at once (jdk.JavaThreadStatistics), 0 if unknown
 * @param creators        where threads were started from, heaviest first (count, time in Thread.start)
 * @param startedByName   started threads grouped by name with the numbers wildcarded, most first
 */
public record ThreadsReport(long started, long startFailures, double startRate, Distribution startCost,
                            Distribution lifetime, long shortLived, long peakLive, List<StackSummary> creators,
                            List<NameCount> startedByName) {
    /** A thread that ends within a second of its start did too little to pay for its start and stack. */
    public static final long SHORT_LIVED_NANOS = 1_000_000_000L;
    public static final ThreadsReport EMPTY = new ThreadsReport(0, 0, 0, Distribution.EMPTY, Distribution.EMPTY, 0, 0,
            List.of(), List.of());

    public ThreadsReport {
        creators = List.copyOf(creators);
        startedByName = List.copyOf(startedByName);
    }

    /** Of the threads that started and ended while recording, the share that lived less than a second. */
    public double shortLivedShare() {
        return lifetime.count() == 0 ? 0 : (double) shortLived / lifetime.count();
    }

    public record NameCount(String name, long count) {
    }
}
