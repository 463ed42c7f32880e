package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.stacks.Stack;
import dev.turnstile.analyzer.time.SliceSeries;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the streaming pass gathers about one lock; turned into a report once the recording has been read. */
final class LockAccumulator {
    /** Distinct waiter stacks kept per lock; further new stacks are only counted in the totals. */
    static final int MAX_STACKS = 256;
    /** Distinct owner names kept per lock. */
    static final int MAX_OWNERS = 64;

    final LockKey key;
    long waits;
    long waitNanos;
    long maxWaitNanos;
    final IntervalUnion queued = new IntervalUnion();
    final Set<Long> waitingThreads = new HashSet<>();
    final Set<Long> ownerThreads = new HashSet<>();
    final Map<String, Long> ownerNames = new HashMap<>();
    final Map<Stack, long[]> waiterStacks = new HashMap<>();
    /** Time waited per second, for the timeline and phases. */
    final SliceSeries waited = new SliceSeries();
    /** The longest wait, whose chain of holders the analysis follows. */
    LongestWait longest;
    final HolderWindows holderWindows;
    /**
     * The waits' spans as {start, end, start, end...}: the window is known only once the whole recording has been read,
     * and waits can reach outside it (one that began before a test's window). Waits beyond the collector's budget for
     * spans are counted whole in {@link #unclippedNanos}.
     */
    private long[] spans = new long[0];
    private int spanValues;
    long unclippedNanos;
    long unclippedWaits;

    LockAccumulator(LockKey key) {
        this.key = key;
        this.holderWindows = new HolderWindows(key.kind());
    }

    void addWait(long startNanos, long endNanos, long threadId, long ownerId, String ownerName, Stack stack) {
        long duration = endNanos - startNanos;
        waits++;
        waitNanos += duration;
        if (longest == null || duration > maxWaitNanos) {
            longest = new LongestWait(startNanos, endNanos, threadId, ownerId);
        }
        maxWaitNanos = Math.max(maxWaitNanos, duration);
        queued.add(startNanos, endNanos);
        waited.addSpan(startNanos, endNanos);
        waitingThreads.add(threadId);
        if (ownerName != null) {
            ownerThreads.add(ownerId);
            if (ownerNames.size() < MAX_OWNERS || ownerNames.containsKey(ownerName)) {
                ownerNames.merge(ownerName, 1L, Long::sum);
            }
        }
        long[] weight = waiterStacks.get(stack);
        if (weight == null && waiterStacks.size() < MAX_STACKS) {
            weight = new long[2];
            waiterStacks.put(stack, weight);
        }
        if (weight != null) {
            weight[0]++;
            weight[1] += duration;
        }
    }

    /** Keeps the wait's span for clipping to the window, or counts it whole when there is no room. */
    void keepSpan(long startNanos, long endNanos, boolean room) {
        if (!room) {
            unclippedNanos += endNanos - startNanos;
            unclippedWaits++;
            return;
        }
        if (spanValues == spans.length) {
            spans = java.util.Arrays.copyOf(spans, Math.max(8, spans.length * 2));
        }
        spans[spanValues++] = startNanos;
        spans[spanValues++] = endNanos;
    }

    /** Time waited inside [from, to): each kept wait clipped to it, the others whole. */
    long waitedWithin(long from, long to) {
        long total = unclippedNanos;
        for (int i = 0; i < spanValues; i += 2) {
            total += Math.max(0, Math.min(spans[i + 1], to) - Math.max(spans[i], from));
        }
        return total;
    }

    /** One wait, kept for the lock's longest. */
    record LongestWait(long startNanos, long endNanos, long threadId, long ownerId) {
    }
}
