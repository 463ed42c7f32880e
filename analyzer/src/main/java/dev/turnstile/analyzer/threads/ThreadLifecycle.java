package dev.turnstile.analyzer.threads;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.jfr.JfrThread;
import dev.turnstile.analyzer.model.Distribution;
import dev.turnstile.analyzer.model.ThreadsReport;
import dev.turnstile.analyzer.stacks.Durations;
import dev.turnstile.analyzer.stacks.StackCounts;
import dev.turnstile.analyzer.stacks.StackResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Thread starts and ends: how many, how fast, how long they lived, who started them and what starting cost. With
 * the agent, starts come from turnstile.ThreadStart (creator's stack and time in Thread.start); without it from
 * jdk.ThreadStart. Lifetimes pair jdk.ThreadStart with jdk.ThreadEnd by thread id.
 */
public final class ThreadLifecycle {
    /** Threads started and not yet ended that are remembered; beyond it lifetimes of new threads are not measured. */
    static final int MAX_LIVE = 200_000;
    static final int MAX_NAME_GROUPS = 1_000;
    private static final int STACKS_SHOWN = 5;

    private final StackResolver stacks;
    private final Map<Long, Long> startedAt = new HashMap<>();
    private final Durations lifetimes = new Durations();
    private final Durations startCost = new Durations();
    private final StackCounts agentCreators = new StackCounts();
    private final StackCounts jdkCreators = new StackCounts();
    private final Map<String, Long> byName = new HashMap<>();
    private long jdkStarts;
    private long agentStarts;
    private long startFailures;
    private long shortLived;
    private long peakLive;

    public ThreadLifecycle(StackResolver stacks) {
        this.stacks = stacks;
    }

    public void onJdkThreadStart(EventView event) {
        JfrThread thread = event.thread();
        if (thread == null) { // virtual threads have jdk.VirtualThreadStart/End instead
            return;
        }
        jdkStarts++;
        jdkCreators.add(stacks.resolve(event.stackTrace()), 0);
        if (startedAt.size() < MAX_LIVE) {
            startedAt.put(thread.javaThreadId(), event.startNanos());
        }
        if (agentStarts == 0) {
            countName(Threads.name(thread));
        }
    }

    public void onJdkThreadEnd(EventView event) {
        JfrThread thread = event.thread();
        if (thread == null) { // virtual threads have jdk.VirtualThreadStart/End instead
            return;
        }
        Long start = startedAt.remove(thread.javaThreadId());
        if (start != null) {
            long lifetime = event.startNanos() - start;
            lifetimes.record(lifetime);
            if (lifetime < ThreadsReport.SHORT_LIVED_NANOS) {
                shortLived++;
            }
        }
    }

    public void onAgentThreadStart(EventView event) {
        if (!event.getBoolean(TurnstileEvents.THREAD_START_STARTED)) {
            startFailures++;
            return;
        }
        if (agentStarts == 0) {
            byName.clear(); // names counted from jdk.ThreadStart so far: the agent's count replaces them
        }
        agentStarts++;
        long nanos = event.durationNanos();
        startCost.record(nanos);
        agentCreators.add(stacks.resolve(event.stackTrace()), nanos);
        countName(event.getString(TurnstileEvents.THREAD_START_STARTED_THREAD_NAME));
    }

    public void onThreadStatistics(EventView event) {
        peakLive = Math.max(peakLive, event.getLong(JdkEvents.JAVA_THREAD_STATISTICS_ACTIVE));
    }

    private void countName(String name) {
        String group = ThreadNames.group(name);
        if (byName.containsKey(group) || byName.size() < MAX_NAME_GROUPS) {
            byName.merge(group, 1L, Long::sum);
        }
    }

    public ThreadsReport report(long windowNanos) {
        boolean agent = agentStarts > 0 || startFailures > 0;
        long started = agent ? agentStarts : jdkStarts;
        double seconds = windowNanos / 1e9;
        List<ThreadsReport.NameCount> names = byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20)
                .map(e -> new ThreadsReport.NameCount(e.getKey(), e.getValue()))
                .toList();
        Distribution cost = startCost.summary();
        return new ThreadsReport(started, startFailures, seconds > 0 ? started / seconds : 0, cost,
                lifetimes.summary(), shortLived, peakLive,
                (agent ? agentCreators : jdkCreators).top(STACKS_SHOWN), names);
    }
}
