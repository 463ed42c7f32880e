package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * One executor over the recording (metric definitions in DESIGN.md, "Pools").
 *
 * @param id               identity within the recording (the executor's identity hash, hex)
 * @param name             its workers' name without the trailing number (e.g. {@code pool-1-thread-}), or null
 * @param submitted        tasks submitted while recording, rejected ones included
 * @param arrivalRate      λ: submitted tasks per second
 * @param queueWait        Wq: submission to a worker taking the task (percentiles: bucket upper bounds)
 * @param runTime          S: a worker taking the task to being done
 * @param workers          c: mean worker threads over the snapshots, or null when the executor does not say
 * @param maxWorkers       the most workers seen at once, or null
 * @param utilisation      ρ = λS / c, or null without c
 * @param meanQueued       tasks waiting on average in the once-a-second snapshots, or null
 * @param littleQueued     Lq = λ·Wq: the queue length Little's law predicts from arrivals and waits, to compare with
 *                         {@code meanQueued} (a large gap means bursts the snapshots missed, or untracked tasks)
 * @param tasksCpuShare    f: the share of a task's run time its worker spent on a CPU, or null when the recording lacks
 *                         per-thread CPU load or the workers' names
 * @param suggestedWorkers workers that would keep ρ near 0.8 without more threads than the CPUs can feed
 *                         ({@code cores / f}); null when it cannot be worked out
 * @param queuedBySecond   the most tasks queued in each second of the recording (from its snapshots)
 * @param submitters       where tasks were submitted from (sampled), heaviest first
 * @param queueWaitSlices  queue wait over time from the tasks recorded one by one, or null when none was
 */
public record PoolReport(String id, String executorClass, String name, long submitted, long rejected, long started,
                         long completed, double arrivalRate, Distribution queueWait, Distribution runTime,
                         Double workers, Integer maxWorkers, Double utilisation, Double meanQueued, Integer maxQueued,
                         Double littleQueued, Double tasksCpuShare, Integer suggestedWorkers,
                         List<Integer> queuedBySecond, List<StackSummary> submitters,
                         WaitSlices queueWaitSlices) {
    public PoolReport {
        queuedBySecond = List.copyOf(queuedBySecond);
        submitters = List.copyOf(submitters);
    }

    /** Without the queue wait over time. */
    public PoolReport(String id, String executorClass, String name, long submitted, long rejected, long started,
                      long completed, double arrivalRate, Distribution queueWait, Distribution runTime,
                      Double workers, Integer maxWorkers, Double utilisation, Double meanQueued, Integer maxQueued,
                      Double littleQueued, Double tasksCpuShare, Integer suggestedWorkers,
                      List<Integer> queuedBySecond, List<StackSummary> submitters) {
        this(id, executorClass, name, submitted, rejected, started, completed, arrivalRate, queueWait, runTime,
                workers, maxWorkers, utilisation, meanQueued, maxQueued, littleQueued, tasksCpuShare,
                suggestedWorkers, queuedBySecond, submitters, null);
    }

    /** The name people know the pool by: its workers' prefix, else its class. */
    public String displayName() {
        String simple = executorClass.substring(executorClass.lastIndexOf('.') + 1);
        return name != null ? name + "* (" + simple + ")" : simple + "@" + id;
    }
}
