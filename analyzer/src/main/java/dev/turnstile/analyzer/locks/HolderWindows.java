package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.profiler.HolderState;
import dev.turnstile.analyzer.profiler.WallSamples;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The waits of one lock that name a holder, kept until the recording has been read, then matched with the
 * holders' wall-clock samples.
 *
 * <p>A wait names one holder, but a long wait may span several holds. The part of it that belongs to the named
 * holder is estimated from the lock's acquisitions (the ends of its recorded waits):
 * <ul>
 * <li>monitors name the thread that released the monitor to the waiter ({@code previousOwner}): it held it from
 *     its own acquisition, taken as the lock's last acquisition before the wait ended, to the end of the wait;</li>
 * <li>java.util.concurrent waits name the holder when the wait began ({@code owner}): it held it from the start
 *     of the wait to the lock's next acquisition after that.</li>
 * </ul>
 * Acquisitions without contention are not recorded, so a window can be wider than the real hold.
 */
final class HolderWindows {
    private final LockKind kind;
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private long[] holders = new long[64];
    private int size;
    private long[] acquisitions = new long[64];
    private int acquisitionCount;

    HolderWindows(LockKind kind) {
        this.kind = kind;
    }

    void addAcquisition(long time) {
        if (acquisitionCount == acquisitions.length) {
            acquisitions = Arrays.copyOf(acquisitions, acquisitionCount * 2);
        }
        acquisitions[acquisitionCount++] = time;
    }

    void addWait(long start, long end, long holderOsThreadId) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            holders = Arrays.copyOf(holders, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        holders[size] = holderOsThreadId;
        size++;
    }

    int size() {
        return size;
    }

    /** @return the holders' states over their windows, or null when no holder sample fell inside one */
    HolderStates states(WallSamples samples) {
        long[] acquired = Arrays.copyOf(acquisitions, acquisitionCount);
        Arrays.sort(acquired);
        Map<Long, IntervalUnion> windows = new HashMap<>();
        for (int i = 0; i < size; i++) {
            long from = starts[i];
            long to = ends[i];
            if (kind == LockKind.MONITOR) {
                from = Math.max(from, lastBefore(acquired, to));
            } else {
                to = Math.min(to, firstAfter(acquired, from));
            }
            windows.computeIfAbsent(holders[i], id -> new IntervalUnion()).add(from, to);
        }
        long[] counts = new long[HolderState.values().length];
        long total = 0;
        for (Map.Entry<Long, IntervalUnion> holder : windows.entrySet()) {
            WallSamples.PerThread own = samples.of(holder.getKey());
            if (own != null) {
                total += count(holder.getValue().disjoint(), own, counts);
            }
        }
        if (total == 0) {
            return null;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        long all = total;
        Arrays.stream(HolderState.values())
                .filter(state -> counts[state.ordinal()] > 0)
                .sorted((a, b) -> Long.compare(counts[b.ordinal()], counts[a.ordinal()]))
                .forEach(state -> shares.put(state.label(), (double) counts[state.ordinal()] / all));
        return new HolderStates(total, shares);
    }

    /** Counts the samples inside the disjoint, sorted windows by state; both sides are in time order. */
    private static long count(long[][] disjoint, WallSamples.PerThread own, long[] counts) {
        long[] from = disjoint[0];
        long[] to = disjoint[1];
        long inside = 0;
        int w = 0;
        for (int i = 0; i < own.size() && w < from.length; i++) {
            long time = own.time(i);
            while (w < from.length && to[w] < time) {
                w++;
            }
            if (w < from.length && from[w] <= time) {
                counts[own.state(i).ordinal()]++;
                inside++;
            }
        }
        return inside;
    }

    private static long lastBefore(long[] sorted, long time) {
        int i = Arrays.binarySearch(sorted, time);
        int before = (i >= 0 ? i : -i - 1) - 1;
        return before >= 0 ? sorted[before] : Long.MIN_VALUE;
    }

    private static long firstAfter(long[] sorted, long time) {
        int i = Arrays.binarySearch(sorted, time);
        int after = i >= 0 ? i + 1 : -i - 1;
        while (after < sorted.length && sorted[after] <= time) {
            after++;
        }
        return after < sorted.length ? sorted[after] : Long.MAX_VALUE;
    }
}
