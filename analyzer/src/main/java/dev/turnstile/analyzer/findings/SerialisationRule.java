package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Phase;
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
     * Not over the whole recording, but in its busiest phase: the same thresholds applied to that time, with the
     * phase's parallelism bound (DESIGN.md: a lock that serialises only part of the run is reported with the time).
     */
    static boolean appliesInPhase(LockReport lock) {
        Phase phase = lock.phase();
        return !applies(lock) && phase != null
                && phase.busy() >= MIN_BUSY
                && lock.waitingThreads() >= MIN_WAITING_THREADS
                && phase.parallelism() != null && phase.parallelism() <= MAX_PARALLELISM;
    }

    /** True when this rule reports the lock, for the whole recording or a phase of it. */
    static boolean reports(LockReport lock) {
        return applies(lock) || appliesInPhase(lock);
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
            } else if (appliesInPhase(lock)) {
                findings.add(phaseFinding(analysis.recording(), lock));
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
        if (lock.phase() != null) {
            putPhase(metrics, lock.phase());
        }
        // A lock queued on throughout its busiest phase is as serious as one queued on throughout the recording.
        double worst = lock.phase() != null ? Math.max(lock.busy(), lock.phase().busy()) : lock.busy();
        Severity severity = worst >= CRITICAL_BUSY ? Severity.CRITICAL : Severity.WARNING;
        advice += LockMetrics.holderAdvice(lock);
        return new Finding(ID, severity, title, LockMetrics.subject(lock), metrics, LockMetrics.evidence(lock),
                advice, lock.waitNanos());
    }

    /** Serialisation in part of the run: the phase's own numbers, and the time it lasted. */
    private static Finding phaseFinding(RecordingInfo recording, LockReport lock) {
        Phase phase = lock.phase();
        double ceiling = 1 / phase.busy();
        String when = String.format(Locale.ROOT, "from %.1f s to %.1f s", phase.startOffsetNanos() / 1e9,
                phase.endOffsetNanos() / 1e9);
        String title = String.format(Locale.ROOT,
                "GIL-style serialisation %s of the recording: %d threads take turns on %s (queued %.0f%% of that"
                        + " time, %.1f waiting on average, at most %.2f CPUs used)",
                when, lock.waitingThreads(), LockMetrics.shortName(lock.lockClass()), phase.busy() * 100,
                phase.meanWaiters(), phase.parallelism());
        String cpus = recording.cpus() > 0 ? " of " + recording.cpus() : "";
        String advice = String.format(Locale.ROOT,
                "For %.1f s (%s of the recording) only one thread at a time got past %s, and the threads that use"
                        + " this lock kept at most %.2f%s CPUs busy; outside that time the lock was not in the way."
                        + " Find what was different then (load, a batch job, a cache being rebuilt, a code path taken"
                        + " only then) and shorten or split the critical section it takes: while it stays this busy,"
                        + " more threads can add at most %.2fx throughput.",
                phase.durationNanos() / 1e9, when, lock.criticalSection(), phase.parallelism(), cpus, ceiling);
        Map<String, Number> metrics = LockMetrics.of(lock);
        metrics.put("parallelism", phase.parallelism());
        metrics.put("speedupCeiling", ceiling);
        putPhase(metrics, phase);
        Severity severity = phase.busy() >= CRITICAL_BUSY ? Severity.CRITICAL : Severity.WARNING;
        advice += LockMetrics.holderAdvice(lock);
        return new Finding(ID, severity, title, LockMetrics.subject(lock), metrics, LockMetrics.evidence(lock),
                advice, phase.waitNanos());
    }

    private static void putPhase(Map<String, Number> metrics, Phase phase) {
        metrics.put("phaseStartOffsetNanos", phase.startOffsetNanos());
        metrics.put("phaseEndOffsetNanos", phase.endOffsetNanos());
        metrics.put("phaseBusy", phase.busy());
        metrics.put("phaseMeanWaiters", phase.meanWaiters());
        metrics.put("phaseWaitNanos", phase.waitNanos());
    }
}
