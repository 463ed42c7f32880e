package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.jfr.JfrClass;
import dev.turnstile.analyzer.model.LockKindStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's exact counts: contended acquisitions per java.util.concurrent lock (turnstile.LockStatistics, which
 * includes waits under the threshold) and acquisitions per kind of lock (turnstile.LockCounts). Both are cumulative
 * since the agent started, so the largest value seen is the recording's.
 */
final class LockTotals {
    /** The agent's table holds at most 4,096 locks; this leaves room for a recording of several JVM sessions. */
    private static final int MAX_LOCKS = 16_384;
    /** The kind LockCounts uses for synchronizers it does not know. */
    static final String OTHER_KIND = "other AbstractQueuedSynchronizer";

    /** Per lock id: contended acquisitions, and the kind of lock it is (null until its class is seen). */
    private final Map<Long, Long> contendedByLock = new HashMap<>();
    private final Map<Long, Long> releasesByLock = new HashMap<>();
    private final Map<Long, String> kindByLock = new HashMap<>();
    /** Per kind of LockCounts (with its read/write side): acquisitions. */
    private final Map<String, Long> acquisitionsByKind = new HashMap<>();

    void onLockStatistics(EventView event) {
        long lockId = event.getLong(TurnstileEvents.LOCK_STATISTICS_LOCK_ID);
        if (!contendedByLock.containsKey(lockId) && contendedByLock.size() >= MAX_LOCKS) {
            return;
        }
        contendedByLock.merge(lockId, event.getLong(TurnstileEvents.LOCK_STATISTICS_CONTENDED), Math::max);
        if (event.hasField(TurnstileEvents.LOCK_STATISTICS_RELEASES_TO_WAITERS)) {
            releasesByLock.merge(lockId, event.getLong(TurnstileEvents.LOCK_STATISTICS_RELEASES_TO_WAITERS),
                    Math::max);
        }
        JfrClass type = event.getJavaClass(TurnstileEvents.LOCK_STATISTICS_SYNCHRONIZER_CLASS);
        if (type != null) {
            kindByLock.put(lockId, LockCollector.lockClassOf(type.name()));
        }
    }

    void onLockCounts(EventView event) {
        acquisitionsByKind.merge(event.getString(TurnstileEvents.LOCK_COUNTS_KIND),
                event.getLong(TurnstileEvents.LOCK_COUNTS_ACQUISITIONS), Math::max);
    }

    /** Exact contended acquisitions of this java.util.concurrent lock, or -1 if the agent has no total for it. */
    long contended(long lockId) {
        Long contended = contendedByLock.get(lockId);
        return contended == null ? -1 : contended;
    }

    /** Releases of this java.util.concurrent lock while threads were queued, or 0 if the agent did not count them. */
    long releasesToWaiters(long lockId) {
        return releasesByLock.getOrDefault(lockId, 0L);
    }

    /** Per kind, acquisitions with contended ones; empty for a recording without the agent's counts. */
    List<LockKindStats> kinds(long windowNanos) {
        Map<String, Long> acquisitions = new HashMap<>();
        acquisitionsByKind.forEach((kind, count) -> acquisitions.merge(family(kind), count, Long::sum));
        Map<String, Long> contended = new HashMap<>();
        contendedByLock.forEach((lockId, count) -> {
            String kind = kindByLock.get(lockId);
            contended.merge(kind != null && acquisitions.containsKey(kind) ? kind : OTHER_KIND, count, Long::sum);
        });
        List<LockKindStats> kinds = new ArrayList<>();
        double seconds = Math.max(1, windowNanos) / 1e9;
        acquisitions.forEach((kind, count) -> {
            long waited = contended.getOrDefault(kind, 0L);
            kinds.add(new LockKindStats(kind, count, count / seconds, waited,
                    count > 0 ? Math.min(1.0, (double) waited / count) : null));
        });
        kinds.sort(Comparator.comparingLong(LockKindStats::contendedAcquisitions).reversed()
                .thenComparing(LockKindStats::kind));
        return kinds;
    }

    /** "java.util.concurrent.locks.ReentrantReadWriteLock (read)" to the lock class both sides share. */
    static String family(String kind) {
        int side = kind.indexOf(" (");
        return side > 0 ? kind.substring(0, side) : kind;
    }
}
