package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TS301, pool saturated: tasks wait in the queue longer than they run, because work arrives faster than the workers
 * finish it. See docs/findings/TS301.md.
 */
final class PoolSaturatedRule implements Rule {
    static final String ID = "TS301";
    /** Tasks wait at least as long as they run, on average. */
    static final double MIN_WAIT_TO_RUN = 1.0;
    /** And the waiting adds up to something a user notices: a tenth of a second of task time. */
    static final long MIN_TOTAL_WAIT_NANOS = 100_000_000L;
    static final double CRITICAL_WAIT_TO_RUN = 10.0;
    /** A handful of tasks that once queued is a blip, not a saturated pool. */
    static final long MIN_TASKS = 50;

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (PoolReport pool : analysis.pools()) {
            double run = pool.runTime().meanNanos();
            double wait = pool.queueWait().meanNanos();
            if (pool.queueWait().count() >= MIN_TASKS && pool.queueWait().totalNanos() >= MIN_TOTAL_WAIT_NANOS && run > 0 && wait / run >= MIN_WAIT_TO_RUN) {
                findings.add(finding(pool, wait / run, analysis.recording().cpus()));
            }
        }
        return findings;
    }

    private static Finding finding(PoolReport pool, double waitToRun, int cpus) {
        String workers = pool.workers() == null ? "" : String.format(Locale.ROOT, " (%s workers)",
                trim(pool.workers()));
        String utilisation = pool.utilisation() == null ? "" : ", utilisation " + trim(pool.utilisation());
        String title = String.format(Locale.ROOT,
                "Pool saturated: tasks of %s%s waited %s in the queue (p95 %s) to run %s (%s arriving%s)",
                pool.displayName(), workers, Numbers.duration(pool.queueWait().meanNanos()),
                Numbers.duration(pool.queueWait().p95Nanos()), Numbers.duration(pool.runTime().meanNanos()),
                Numbers.rate(pool.arrivalRate()), utilisation);
        Map<String, Number> metrics = PoolMetrics.of(pool);
        metrics.put("waitToRun", waitToRun);
        StringBuilder advice = new StringBuilder(String.format(Locale.ROOT,
                "Work arrives faster than %s can run it, so tasks queue %.1fx longer than they run and callers see the"
                        + " queue as latency.", pool.displayName(), waitToRun));
        if (pool.suggestedWorkers() != null && pool.workers() != null && pool.suggestedWorkers() > pool.workers()) {
            advice.append(String.format(Locale.ROOT, " About %d workers would keep it near %.0f %% busy", pool
                    .suggestedWorkers(), 80.0));
            advice.append(pool.tasksCpuShare() == null ? "." : String.format(Locale.ROOT,
                    "; its tasks are on a CPU %.0f %% of their run time, so more than %d workers would only queue for"
                            + " the %d CPUs instead.", pool.tasksCpuShare() * 100,
                    (int) Math.ceil(cpus / Math.max(0.01, pool.tasksCpuShare())), cpus));
        } else if (pool.tasksCpuShare() != null && pool.tasksCpuShare() > 0.8) {
            advice.append(" Its tasks are CPU-bound: more workers will not help while the CPUs are busy; make the tasks"
                    + " cheaper or submit less work.");
        }
        advice.append(" Otherwise bound the queue and push back on submitters (a bounded queue with CallerRunsPolicy, or"
                + " a semaphore in front), so overload shows as backpressure rather than as ever longer waits.");
        Severity severity = waitToRun >= CRITICAL_WAIT_TO_RUN ? Severity.CRITICAL : Severity.WARNING;
        return new Finding(ID, severity, title, PoolMetrics.subject(pool), metrics, PoolMetrics.evidence(pool),
                advice.toString(), pool.queueWait().totalNanos());
    }

    static String trim(double value) {
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
