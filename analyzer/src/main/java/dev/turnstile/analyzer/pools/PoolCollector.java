package dev.turnstile.analyzer.pools;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.jfr.JfrClass;
import dev.turnstile.analyzer.model.Distribution;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.stacks.StackCounts;
import dev.turnstile.analyzer.stacks.StackResolver;
import dev.turnstile.analyzer.threads.ThreadCpu;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects the agent's executor events into one {@link PoolReport} per executor. */
public final class PoolCollector {
    /** A recording of a program that creates executors without end keeps this many (the busiest survive). */
    static final int MAX_POOLS = 1_000;
    private static final int STACKS_SHOWN = 5;

    private final StackResolver stacks;
    /** Pools whose waits are kept over time: the first ones seen, which bounds the memory of many pools. */
    static final int MAX_POOLS_WITH_WAITS = 32;

    private final Map<String, PoolState> pools = new HashMap<>();
    private int poolsWithWaits;

    public PoolCollector(StackResolver stacks) {
        this.stacks = stacks;
    }

    public void onStatistics(EventView event) {
        PoolState pool = pool(event);
        if (pool == null) {
            return;
        }
        pool.counts(event);
        pool.snapshot(event.startNanos(),
                event.getInt(TurnstileEvents.EXECUTOR_STATISTICS_POOL_SIZE),
                event.getInt(TurnstileEvents.EXECUTOR_STATISTICS_QUEUED));
    }

    public void onTotals(EventView event) {
        PoolState pool = pool(event);
        if (pool != null) {
            pool.counts(event);
        }
    }

    public void onTimes(EventView event) {
        PoolState pool = pool(event);
        if (pool == null) {
            return;
        }
        String kind = event.getString(TurnstileEvents.EXECUTOR_TIMES_KIND);
        BucketedTimes times = TurnstileEvents.EXECUTOR_TIMES_QUEUE_WAIT.equals(kind) ? pool.queueWait
                : TurnstileEvents.EXECUTOR_TIMES_RUN_TIME.equals(kind) ? pool.runTime : null;
        if (times != null) {
            times.add(event.getLong(TurnstileEvents.EXECUTOR_TIMES_UPPER_BOUND),
                    event.getLong(TurnstileEvents.EXECUTOR_TIMES_TASKS));
        }
    }

    /** A task recorded one by one (it ran at least the threshold): its queue wait, at the time a worker took it. */
    public void onTaskRun(EventView event) {
        PoolState pool = pool(event);
        if (pool == null || !event.hasField(TurnstileEvents.TASK_RUN_QUEUE_WAIT)) {
            return;
        }
        long wait = event.getLong(TurnstileEvents.TASK_RUN_QUEUE_WAIT);
        if (wait < 0) {
            return;
        }
        if (pool.waits == null) {
            if (poolsWithWaits >= MAX_POOLS_WITH_WAITS) {
                return;
            }
            poolsWithWaits++;
            pool.waits = new WaitHistograms();
        }
        pool.waits.add(event.startNanos(), wait);
    }

    public void onSubmit(EventView event) {
        PoolState pool = pool(event);
        if (pool != null) {
            pool.submitters.add(stacks.resolve(event.stackTrace()), 0);
        }
    }

    /** ExecutorTimes carries no class: executors are keyed by identity hash alone. */
    private PoolState pool(EventView event) {
        String id = Integer.toHexString(event.getInt(TurnstileEvents.EXECUTOR_ID));
        PoolState pool = pools.get(id);
        if (pool == null) {
            if (pools.size() >= MAX_POOLS) {
                return null;
            }
            pool = new PoolState(id);
            pools.put(id, pool);
        }
        if (pool.executorClass == null && event.hasField(TurnstileEvents.EXECUTOR_CLASS)) {
            JfrClass type = event.getJavaClass(TurnstileEvents.EXECUTOR_CLASS);
            pool.executorClass = type == null ? null : type.name();
        }
        if (pool.name == null && event.hasField(TurnstileEvents.EXECUTOR_NAME)) {
            pool.name = event.getString(TurnstileEvents.EXECUTOR_NAME);
        }
        return pool;
    }

    /**
     * @param windowStartNanos start of the observed window (epoch ns), for the per-second timeline
     * @return executors that received tasks, most submitted first
     */
    public List<PoolReport> reports(long windowStartNanos, long windowNanos, ThreadCpu cpu, int cpus) {
        List<PoolReport> reports = new ArrayList<>();
        for (PoolState pool : pools.values()) {
            if (pool.submitted > 0 || pool.started > 0) {
                reports.add(report(pool, windowStartNanos, windowNanos, cpu, cpus));
            }
        }
        reports.sort(Comparator.comparingLong(PoolReport::submitted).reversed());
        return reports;
    }

    private PoolReport report(PoolState pool, long windowStartNanos, long windowNanos, ThreadCpu cpu, int cpus) {
        double seconds = windowNanos / 1e9;
        double arrivalRate = seconds > 0 ? pool.submitted / seconds : 0;
        Distribution queueWait = pool.queueWait.summary();
        Distribution runTime = pool.runTime.summary();
        Double workers = pool.snapshotsWithSize > 0 ? (double) pool.sumSize / pool.snapshotsWithSize : null;
        Integer maxWorkers = pool.snapshotsWithSize > 0 ? pool.maxSize : null;
        double serviceSeconds = runTime.meanNanos() / 1e9;
        Double utilisation = workers != null && workers > 0 && runTime.count() > 0
                ? arrivalRate * serviceSeconds / workers : null;
        Double meanQueued = pool.snapshotsWithQueue > 0 ? (double) pool.sumQueued / pool.snapshotsWithQueue : null;
        Integer maxQueued = pool.snapshotsWithQueue > 0 ? pool.maxQueued : null;
        Double littleQueued = queueWait.count() > 0 ? arrivalRate * queueWait.meanNanos() / 1e9 : null;
        Double cpuShare = tasksCpuShare(pool, cpu, cpus, windowNanos, runTime);
        Integer suggested = suggestedWorkers(arrivalRate * serviceSeconds, cpuShare, cpus);
        return new PoolReport(pool.id, pool.executorClass == null ? "?" : pool.executorClass, pool.name,
                pool.submitted, pool.rejected, pool.started, pool.completed, arrivalRate, queueWait, runTime, workers,
                maxWorkers, utilisation, meanQueued, maxQueued, littleQueued, cpuShare, suggested,
                pool.queuedBySecond(windowStartNanos, windowNanos), pool.submitters.top(STACKS_SHOWN),
                pool.waits == null ? null : pool.waits.over(windowStartNanos, windowNanos));
    }

    /**
     * f = CPU time of the pool's workers / time they spent running tasks. Workers are found by the name prefix the
     * agent saw, so pools whose workers share a prefix with other threads may overstate it; f is capped at 1.
     */
    private static Double tasksCpuShare(PoolState pool, ThreadCpu cpu, int cpus, long windowNanos,
                                        Distribution runTime) {
        if (pool.name == null || pool.name.isEmpty() || runTime.totalNanos() <= 0 || cpus <= 0) {
            return null;
        }
        Double cpusUsed = cpu.parallelismOfNamed(pool.name, cpus);
        if (cpusUsed == null) {
            return null;
        }
        double cpuNanos = cpusUsed * windowNanos;
        return Math.min(1.0, cpuNanos / runTime.totalNanos());
    }

    /**
     * Enough workers to keep utilisation near {@value #TARGET_UTILISATION} for the offered load λS, but no more than
     * the CPUs can keep busy with tasks that run on a CPU a share f of the time (cores / f): past that, more threads
     * only queue for CPUs instead of for the pool.
     */
    static Integer suggestedWorkers(double offeredLoad, Double cpuShare, int cpus) {
        if (offeredLoad <= 0) {
            return null;
        }
        int forLoad = (int) Math.ceil(offeredLoad / TARGET_UTILISATION);
        if (cpuShare == null || cpuShare <= 0 || cpus <= 0) {
            return Math.max(1, forLoad);
        }
        int cpuBound = (int) Math.ceil(cpus / cpuShare);
        return Math.max(1, Math.min(forLoad, cpuBound));
    }

    static final double TARGET_UTILISATION = 0.8;

    private static final class PoolState {
        final String id;
        String executorClass;
        String name;
        long submitted;
        long rejected;
        long started;
        long completed;
        long snapshotsWithSize;
        long sumSize;
        int maxSize;
        long snapshotsWithQueue;
        long sumQueued;
        int maxQueued;
        /** Most queued per second since the epoch; one entry per second of the recording at most. */
        final Map<Long, Integer> queuedPerSecond = new HashMap<>();
        final BucketedTimes queueWait = new BucketedTimes();
        final BucketedTimes runTime = new BucketedTimes();
        final StackCounts submitters = new StackCounts();
        /** Queue waits over time, from TaskRun events; null until the first, or beyond the pools kept. */
        WaitHistograms waits;

        PoolState(String id) {
            this.id = id;
        }

        void counts(EventView event) {
            submitted = Math.max(submitted, event.getLong(TurnstileEvents.EXECUTOR_SUBMITTED));
            rejected = Math.max(rejected, event.getLong(TurnstileEvents.EXECUTOR_REJECTED));
            started = Math.max(started, event.getLong(TurnstileEvents.EXECUTOR_STARTED));
            completed = Math.max(completed, event.getLong(TurnstileEvents.EXECUTOR_COMPLETED));
        }

        void snapshot(long epochNanos, int poolSize, int queued) {
            if (poolSize >= 0) {
                snapshotsWithSize++;
                sumSize += poolSize;
                maxSize = Math.max(maxSize, poolSize);
            }
            if (queued >= 0) {
                snapshotsWithQueue++;
                sumQueued += queued;
                maxQueued = Math.max(maxQueued, queued);
                queuedPerSecond.merge(Math.floorDiv(epochNanos, 1_000_000_000L), queued, Math::max);
            }
        }

        List<Integer> queuedBySecond(long windowStartNanos, long windowNanos) {
            if (queuedPerSecond.isEmpty()) {
                return List.of();
            }
            long first = Math.floorDiv(windowStartNanos, 1_000_000_000L);
            int seconds = (int) Math.min(100_000, Math.max(1, (windowNanos + 999_999_999L) / 1_000_000_000L));
            List<Integer> timeline = new ArrayList<>(seconds);
            for (int i = 0; i < seconds; i++) {
                timeline.add(queuedPerSecond.getOrDefault(first + i, 0));
            }
            return timeline;
        }
    }
}
