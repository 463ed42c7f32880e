package dev.turnstile.analyzer.virtual;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.jfr.JfrThread;
import dev.turnstile.analyzer.model.VirtualThreadsReport;
import dev.turnstile.analyzer.stacks.Durations;
import dev.turnstile.analyzer.stacks.StackCounts;
import dev.turnstile.analyzer.stacks.StackResolver;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Virtual-thread starts, pinning and failed submissions, from the JDK's events (21+). */
public final class VirtualThreadCollector {
    static final int MAX_CARRIERS = 10_000;
    private static final int STACKS_SHOWN = 5;

    private final StackResolver stacks;
    private final Durations pinned = new Durations();
    private final Durations monitorBlocked = new Durations();
    private final StackCounts pinnedStacks = new StackCounts();
    private final Map<String, Long> reasons = new HashMap<>();
    private final Set<Long> carriers = new HashSet<>();
    private long started;
    private long submitFailed;

    public VirtualThreadCollector(StackResolver stacks) {
        this.stacks = stacks;
    }

    public void onStart(EventView event) {
        started++;
    }

    public void onPinned(EventView event) {
        long nanos = event.durationNanos();
        pinned.record(nanos);
        pinnedStacks.add(stacks.resolve(event.stackTrace()), nanos);
        String reason = event.hasField(JdkEvents.VIRTUAL_THREAD_PINNED_REASON)
                ? event.getString(JdkEvents.VIRTUAL_THREAD_PINNED_REASON) : null;
        String key = reason == null ? "unknown" : reason;
        if (reasons.size() < 100 || reasons.containsKey(key)) {
            reasons.merge(key, 1L, Long::sum);
        }
        if (event.hasField(JdkEvents.VIRTUAL_THREAD_PINNED_CARRIER) && carriers.size() < MAX_CARRIERS) {
            JfrThread carrier = event.getThread(JdkEvents.VIRTUAL_THREAD_PINNED_CARRIER);
            if (carrier != null) {
                carriers.add(carrier.javaThreadId());
            }
        }
    }

    public void onSubmitFailed(EventView event) {
        submitFailed++;
    }

    public void onMonitorBlocked(EventView event) {
        monitorBlocked.record(event.durationNanos());
    }

    public VirtualThreadsReport report() {
        return new VirtualThreadsReport(started, pinned.summary(), reasons, pinnedStacks.top(STACKS_SHOWN),
                carriers.size(), submitFailed, monitorBlocked.summary());
    }
}
