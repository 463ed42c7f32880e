package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evidence every pool finding carries, under the same names. */
final class PoolMetrics {
    private static final int STACKS_AS_EVIDENCE = 3;

    private PoolMetrics() {
    }

    static Subject subject(PoolReport pool) {
        String site = pool.submitters().isEmpty() ? null
                : Frames.applicationFrame(pool.submitters().get(0).frames());
        return new Subject("pool", pool.displayName(), pool.id(), site);
    }

    static Map<String, Number> of(PoolReport pool) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("submitted", pool.submitted());
        metrics.put("rejected", pool.rejected());
        metrics.put("arrivalRate", pool.arrivalRate());
        metrics.put("queueWaitMeanNanos", pool.queueWait().meanNanos());
        metrics.put("queueWaitP95Nanos", pool.queueWait().p95Nanos());
        metrics.put("queueWaitP99Nanos", pool.queueWait().p99Nanos());
        metrics.put("runTimeMeanNanos", pool.runTime().meanNanos());
        putIfKnown(metrics, "workers", pool.workers());
        putIfKnown(metrics, "utilisation", pool.utilisation());
        putIfKnown(metrics, "meanQueued", pool.meanQueued());
        putIfKnown(metrics, "littleQueued", pool.littleQueued());
        putIfKnown(metrics, "tasksCpuShare", pool.tasksCpuShare());
        putIfKnown(metrics, "suggestedWorkers", pool.suggestedWorkers());
        return metrics;
    }

    static List<StackSummary> evidence(PoolReport pool) {
        return pool.submitters().stream().limit(STACKS_AS_EVIDENCE).toList();
    }

    private static void putIfKnown(Map<String, Number> metrics, String name, Number value) {
        if (value != null) {
            metrics.put(name, value);
        }
    }
}
