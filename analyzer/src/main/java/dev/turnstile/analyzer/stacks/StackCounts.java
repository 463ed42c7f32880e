package dev.turnstile.analyzer.stacks;

import dev.turnstile.analyzer.model.StackSummary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often and for how long each distinct stack was seen. Bounded: once {@link #MAX_STACKS} distinct stacks are
 * held, new ones are counted under {@link Stack#EMPTY}, so a recording with endless distinct stacks cannot exhaust
 * memory; the heavy stacks are the early and frequent ones, so they are already held by then.
 */
public final class StackCounts {
    static final int MAX_STACKS = 10_000;

    private final Map<Stack, long[]> counts = new HashMap<>();

    public void add(Stack stack, long nanos) {
        Stack key = counts.containsKey(stack) || counts.size() < MAX_STACKS ? stack : Stack.EMPTY;
        long[] entry = counts.computeIfAbsent(key, s -> new long[2]);
        entry[0]++;
        entry[1] += nanos;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The heaviest stacks first (by time, then by count), at most {@code limit}. */
    public List<StackSummary> top(int limit) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Stack, long[]> e) -> e.getValue()[1])
                        .thenComparingLong(e -> e.getValue()[0]).reversed())
                .limit(limit)
                .map(e -> new StackSummary(e.getKey().frames(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
