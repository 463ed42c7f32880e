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

    /** One wait, kept for the lock's longest. */
    record LongestWait(long startNanos, long endNanos, long threadId, long ownerId) {
    }
}
