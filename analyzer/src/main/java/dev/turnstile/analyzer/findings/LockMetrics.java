package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evidence every lock finding carries, so all lock rules show the same numbers under the same names. */
final class LockMetrics {
    private static final int STACKS_AS_EVIDENCE = 3;

    private LockMetrics() {
    }

    static Subject subject(LockReport lock) {
        return new Subject("lock", lock.lockClass(), lock.id(), lock.criticalSection());
    }

    static Map<String, Number> of(LockReport lock) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("busy", lock.busy());
        metrics.put("meanWaiters", lock.meanWaiters());
        metrics.put("waitingThreads", lock.waitingThreads());
        metrics.put("waits", lock.waits());
        metrics.put("waitNanos", lock.waitNanos());
        metrics.put("maxWaitNanos", lock.maxWaitNanos());
        if (lock.usersParallelism() != null) {
            metrics.put("usersParallelism", lock.usersParallelism());
        }
        if (lock.capacity().meanHoldNanos() != null) {
            metrics.put("meanHoldNanos", lock.capacity().meanHoldNanos());
        }
        if (lock.capacity().throughputCeilingPerSecond() != null) {
            metrics.put("throughputCeilingPerSecond", lock.capacity().throughputCeilingPerSecond());
        }
        if (lock.capacity().criticalSectionPressure() != null) {
            metrics.put("criticalSectionPressure", lock.capacity().criticalSectionPressure());
        }
        metrics.put("contendedPerSecond", lock.rates().contendedPerSecond());
        return metrics;
    }

    static List<StackSummary> evidence(LockReport lock) {
        return lock.waiterStacks().stream().limit(STACKS_AS_EVIDENCE).toList();
    }

    static String shortName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
