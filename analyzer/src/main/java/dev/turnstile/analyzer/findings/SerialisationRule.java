package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TS101, GIL-style serialisation: a lock that lets one thread work at a time. Someone was queued on it most
 * of the time, several threads queued, and the threads using it kept about one CPU busy between them.
 * See docs/findings/TS101.md.
 */
final class SerialisationRule implements Rule {
    static final String ID = "TS101";
    static final double MIN_BUSY = 0.5;
    static final int MIN_WAITING_THREADS = 3;
    /** "Near one": one thread runs, plus slack for work done outside the lock. */
    static final double MAX_PARALLELISM = 1.5;
    static final double CRITICAL_BUSY = 0.8;

    static boolean applies(LockReport lock) {
        return lock.busy() >= MIN_BUSY
                && lock.waitingThreads() >= MIN_WAITING_THREADS
                && parallelism(lock) <= MAX_PARALLELISM;
    }

    /**
     * Measured from per-thread CPU load when the recording has it; otherwise bounded from the queue: of the
     * threads that waited, on average {@code meanWaiters} were waiting, so at most the rest could run.
     */
    static double parallelism(LockReport lock) {
        return lock.usersParallelism() != null
                ? lock.usersParallelism()
                : Math.max(0, lock.waitingThreads() - lock.meanWaiters());
    }

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (LockReport lock : analysis.locks()) {
            if (applies(lock)) {
                findings.add(finding(analysis.recording(), lock));
            }
        }
        return findings;
    }

    private static Finding finding(RecordingInfo recording, LockReport lock) {
        double parallelism = parallelism(lock);
        double ceiling = 1 / lock.busy();
        String title = String.format(Locale.ROOT,
                "GIL-style serialisation: %d threads take turns on %s (queued %.0f%% of the time, %.1f waiting on"
                        + " average, %.2f CPUs used)",
                lock.waitingThreads(), LockMetrics.shortName(lock.lockClass()), lock.busy() * 100,
                lock.meanWaiters(), parallelism);
        String cpus = recording.cpus() > 0 ? " of " + recording.cpus() : "";
        String measured = lock.usersParallelism() != null ? "" : " (estimated from the queue: the recording has no"
                + " per-thread CPU load)";
        String advice = String.format(Locale.ROOT,
                "Only one thread at a time gets past %s. The threads that use this lock kept %.2f%s CPUs busy%s,"
                        + " and more threads can add at most %.2fx throughput while it stays this busy. Shorten the"
                        + " critical section (move work that does not need the lock out of it), split the lock (per"
                        + " key or shard, or per-thread state merged later), or replace what it guards with a"
                        + " concurrent structure (ConcurrentHashMap, LongAdder, a concurrent queue).",
                lock.criticalSection(), parallelism, cpus, measured, ceiling);
        Map<String, Number> metrics = LockMetrics.of(lock);
        metrics.put("parallelism", parallelism);
        metrics.put("speedupCeiling", ceiling);
        Severity severity = lock.busy() >= CRITICAL_BUSY ? Severity.CRITICAL : Severity.WARNING;
        advice += LockMetrics.holderAdvice(lock);
        return new Finding(ID, severity, title, LockMetrics.subject(lock), metrics, LockMetrics.evidence(lock),
                advice, lock.waitNanos());
    }
}
