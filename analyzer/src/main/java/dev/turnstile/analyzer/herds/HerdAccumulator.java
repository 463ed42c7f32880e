package dev.turnstile.analyzer.herds;

import dev.turnstile.analyzer.locks.IntervalUnion;
import dev.turnstile.analyzer.locks.LockKey;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.HerdReport;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.stacks.Stack;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The wake-ups of one monitor or lock. */
final class HerdAccumulator {
    /**
     * Wake-ups whose ends are closer than this belong to one burst: threads woken by one notifyAll take the lock one
     * after another, tens of microseconds apart, or a few hundred when the machine's CPUs are busy (measured on 2 CPUs).
     */
    static final long BURST_GAP_NANOS = 1_000_000;
    private static final int MAX_STACKS = 64;
    private static final int MAX_THREADS = 4096;
    private static final int STACKS_SHOWN = 3;

    final LockKey key;
    long wakeups;
    long wasted;
    long wastedRunNanos;
    long notifies;
    long notified;
    /** Wake-up times as short intervals, merged into bursts. */
    private final IntervalUnion bursts = new IntervalUnion();
    private final Set<Long> threads = new HashSet<>();
    private final Map<Stack, long[]> stacks = new HashMap<>();

    HerdAccumulator(LockKey key) {
        this.key = key;
    }

    void addWakeup(long threadId, long endNanos, Stack stack) {
        wakeups++;
        bursts.add(endNanos, endNanos + BURST_GAP_NANOS);
        if (threads.size() < MAX_THREADS) {
            threads.add(threadId);
        }
        long[] count = stacks.get(stack);
        if (count == null && stacks.size() < MAX_STACKS) {
            count = new long[1];
            stacks.put(stack, count);
        }
        if (count != null) {
            count[0]++;
        }
    }

    void addWasted(long runNanos) {
        wasted++;
        wastedRunNanos += runNanos;
    }

    void addNotify(int woken) {
        notifies++;
        notified += woken;
    }

    HerdReport report(long rewaitNanos) {
        // With the JDK's notify events the number of notifications is known; without, each burst of wake-ups stands
        // for one notification.
        long notifications = notifies > 0 ? notifies : bursts.periodCount();
        List<StackSummary> top = stacks.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Stack, long[]> e) -> e.getValue()[0]).reversed())
                .limit(STACKS_SHOWN)
                .map(e -> new StackSummary(e.getKey().frames(), e.getValue()[0], 0))
                .toList();
        String site = top.isEmpty() ? "(no stack)" : callSite(top.get(0).frames());
        double fanOut = notifies > 0 ? (double) notified / notifies
                : notifications > 0 ? (double) wakeups / notifications : 0;
        return new HerdReport(key.kind(), key.lockClass(), key.idText(), wakeups, wasted,
                notifies > 0 ? notifies : null, notifications, fanOut,
                notifications > 0 ? (double) wasted / notifications : 0, wastedRunNanos, rewaitNanos, threads.size(),
                site, top);
    }

    /** The first frame outside Object.wait and the lock's own code: where the program waited. */
    private static String callSite(List<String> frames) {
        for (String frame : frames) {
            if (!frame.startsWith("java.lang.Object.wait") && !Frames.isLockImplementation(frame)
                    && !frame.startsWith("jdk.internal.")) {
                return frame;
            }
        }
        return frames.isEmpty() ? "(no stack)" : frames.get(0);
    }
}
