package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TS103, asymmetric contention: locks of one class taken at one critical section (the stripes of a striped map, the
 * locks of a pool of connections, one lock per account) were meant to share the load, but one of them takes most of
 * the waiting. See docs/findings/TS103.md.
 */
final class AsymmetricLockRule implements Rule {
    static final String ID = "TS103";
    static final int MIN_LOCKS = 2;
    /** The busiest lock takes at least half of the group's waiting... */
    static final double MIN_SHARE = 0.5;
    /** ...and at least this many times what each of the others takes on average. */
    static final double MIN_RATIO = 3;
    /** And it costs something: as TS102, a tenth of one thread's time queued on it. */
    static final double MIN_MEAN_WAITERS = 0.1;
    static final double WARNING_MEAN_WAITERS = 1.0;

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        Map<String, List<LockReport>> groups = new LinkedHashMap<>();
        for (LockReport lock : analysis.locks()) {
            groups.computeIfAbsent(lock.kind().label() + "|" + lock.lockClass() + "|" + lock.criticalSection(),
                    key -> new ArrayList<>()).add(lock);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<LockReport> group : groups.values()) {
            if (group.size() < MIN_LOCKS) {
                continue;
            }
            LockReport top = group.stream().max(Comparator.comparingLong(LockReport::waitNanos)).orElseThrow();
            long total = group.stream().mapToLong(LockReport::waitNanos).sum();
            double share = total > 0 ? (double) top.waitNanos() / total : 0;
            double othersMean = (double) (total - top.waitNanos()) / (group.size() - 1);
            if (share >= MIN_SHARE && top.waitNanos() >= MIN_RATIO * othersMean
                    && top.meanWaiters() >= MIN_MEAN_WAITERS) {
                findings.add(finding(top, group.size(), total, share, othersMean));
            }
        }
        return findings;
    }

    private static Finding finding(LockReport top, int locks, long total, double share, double othersMean) {
        String name = LockMetrics.shortName(top.lockClass());
        String title = String.format(Locale.ROOT,
                "Asymmetric contention: one of %d %s locks at %s takes %.0f%% of their waiting (%.2f s of %.2f s,"
                        + " %.2f threads queued on it on average)",
                locks, name, top.criticalSection(), share * 100, top.waitNanos() / 1e9, total / 1e9,
                top.meanWaiters());
        String advice = String.format(Locale.ROOT,
                "%d locks of class %s are taken at %s, so the work was meant to spread over them, but %s takes"
                        + " %.0f%% of the time threads waited for any of them: %.0fx what each of the others takes."
                        + " The keys that map to it are hot, or they are not spread evenly. Spread them (a better hash,"
                        + " more stripes), split the hot key's state (per-thread cells added up when read, as"
                        + " LongAdder does), or do the hot key's work outside the lock.",
                locks, top.lockClass(), top.criticalSection(), top.id(), share * 100,
                othersMean > 0 ? top.waitNanos() / othersMean : Double.POSITIVE_INFINITY);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("locks", locks);
        metrics.put("topShare", share);
        metrics.put("topWaitNanos", top.waitNanos());
        metrics.put("groupWaitNanos", total);
        metrics.put("othersMeanWaitNanos", (long) othersMean);
        metrics.put("topMeanWaiters", top.meanWaiters());
        metrics.put("topBusy", top.busy());
        metrics.put("topWaits", top.waits());
        Severity severity = top.meanWaiters() >= WARNING_MEAN_WAITERS ? Severity.WARNING : Severity.INFO;
        // What an even spread would save: the busiest lock's waiting beyond its fair share.
        long impact = Math.max(0, top.waitNanos() - total / locks);
        return new Finding(ID, severity, title, LockMetrics.subject(top), metrics, LockMetrics.evidence(top), advice,
                impact);
    }
}
