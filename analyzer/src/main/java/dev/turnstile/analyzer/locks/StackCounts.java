package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.stacks.Stack;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Distinct stacks with a count and a time each, at most {@link #MAX_STACKS} of them; more are only totalled. */
final class StackCounts {
    static final int MAX_STACKS = 256;

    private final Map<Stack, long[]> weights = new HashMap<>();
    private long total;

    void add(Stack stack, long count, long nanos) {
        total += count;
        long[] weight = weights.get(stack);
        if (weight == null && weights.size() < MAX_STACKS) {
            weight = new long[2];
            weights.put(stack, weight);
        }
        if (weight != null) {
            weight[0] += count;
            weight[1] += nanos;
        }
    }

    /** Every count, including those of stacks that found no room. */
    long total() {
        return total;
    }

    /**
     * The most frequent stacks, each charged its share of {@code nanos} by count.
     *
     * @param nanos time to share out among all counted samples
     */
    List<StackSummary> top(int limit, long nanos) {
        return weights.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Stack, long[]> e) -> e.getValue()[0]).reversed())
                .limit(limit)
                .map(e -> new StackSummary(e.getKey().frames(), e.getValue()[0],
                        total == 0 ? 0 : (long) ((double) nanos * e.getValue()[0] / total)))
                .toList();
    }
}
