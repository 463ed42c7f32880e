package dev.turnstile.agent.bridge;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/** Writes what the executor table knows, when JFR asks for its periodic events. */
public final class PoolStatistics {
    private PoolStatistics() {
    }

    /** Every second: one snapshot per executor, and old pending entries swept. */
    public static void emitSnapshots() {
        // The getters below take the pool's own lock: marked as the agent's work, so it is not recorded as a wait.
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            PendingTasks.sweep(System.nanoTime());
            for (int slot = 0; slot < ExecutorTable.size(); slot++) {
                if (ExecutorTable.used(slot)) {
                    snapshot(slot);
                }
            }
        } finally {
            inside[0] = false;
        }
    }

    private static void snapshot(int slot) {
        ExecutorStatisticsEvent event = new ExecutorStatisticsEvent();
        event.executorId = ExecutorTable.id(slot);
        event.executorClass = ExecutorTable.type(slot);
        event.name = ExecutorTable.name(slot);
        event.poolSize = -1;
        event.activeWorkers = -1;
        event.queuedTasks = -1;
        Object executor = ExecutorTable.executor(slot);
        if (executor instanceof ThreadPoolExecutor) {
            ThreadPoolExecutor pool = (ThreadPoolExecutor) executor;
            event.poolSize = pool.getPoolSize();
            event.activeWorkers = pool.getActiveCount();
            event.queuedTasks = pool.getQueue().size();
        } else if (executor instanceof ForkJoinPool) {
            ForkJoinPool pool = (ForkJoinPool) executor;
            event.poolSize = pool.getPoolSize();
            event.activeWorkers = pool.getActiveThreadCount();
            event.queuedTasks = (int) Math.min(Integer.MAX_VALUE, pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount());
        }
        event.submitted = ExecutorTable.counter(slot, ExecutorTable.SUBMITTED);
        event.rejected = ExecutorTable.counter(slot, ExecutorTable.REJECTED);
        event.started = ExecutorTable.counter(slot, ExecutorTable.STARTED);
        event.completed = ExecutorTable.counter(slot, ExecutorTable.COMPLETED);
        event.waitUnknown = ExecutorTable.counter(slot, ExecutorTable.WAIT_UNKNOWN);
        event.commit();
    }

    /** At the start and end of every chunk: every executor's totals and the non-empty buckets of its histograms. */
    public static void emitTotals() {
        for (int slot = 0; slot < ExecutorTable.size(); slot++) {
            if (!ExecutorTable.used(slot)) {
                continue;
            }
            ExecutorTotalsEvent totals = new ExecutorTotalsEvent();
            totals.executorId = ExecutorTable.id(slot);
            totals.executorClass = ExecutorTable.type(slot);
            totals.name = ExecutorTable.name(slot);
            totals.submitted = ExecutorTable.counter(slot, ExecutorTable.SUBMITTED);
            totals.rejected = ExecutorTable.counter(slot, ExecutorTable.REJECTED);
            totals.started = ExecutorTable.counter(slot, ExecutorTable.STARTED);
            totals.completed = ExecutorTable.counter(slot, ExecutorTable.COMPLETED);
            totals.waitUnknown = ExecutorTable.counter(slot, ExecutorTable.WAIT_UNKNOWN);
            totals.commit();
            for (int bucket = 0; bucket < TimeHistogram.BUCKETS; bucket++) {
                emitBucket(slot, "queueWait", bucket, ExecutorTable.queueWaitBucket(slot, bucket));
                emitBucket(slot, "runTime", bucket, ExecutorTable.runTimeBucket(slot, bucket));
            }
        }
    }

    private static void emitBucket(int slot, String kind, int bucket, long tasks) {
        if (tasks == 0) {
            return;
        }
        ExecutorTimesEvent event = new ExecutorTimesEvent();
        event.executorId = ExecutorTable.id(slot);
        event.kind = kind;
        event.upperBoundNanos = TimeHistogram.upperBoundOf(bucket);
        event.tasks = tasks;
        event.commit();
    }
}
