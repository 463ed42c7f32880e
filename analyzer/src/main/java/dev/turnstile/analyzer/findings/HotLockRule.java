package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TS102, hot lock: threads lose a noticeable share of their time queueing on a lock that does not (yet)
 * serialise the program. See docs/findings/TS102.md.
 */
final class HotLockRule implements Rule {
    static final String ID = "TS102";
    /** At least a tenth of one thread's time, on average, spent queued on this lock. */
    static final double MIN_MEAN_WAITERS = 0.1;
    static final int MIN_WAITING_THREADS = 2;
    static final double WARNING_MEAN_WAITERS = 1.0;

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (LockReport lock : analysis.locks()) {
            if (!SerialisationRule.reports(lock)
                    && lock.meanWaiters() >= MIN_MEAN_WAITERS
                    && lock.waitingThreads() >= MIN_WAITING_THREADS) {
                findings.add(finding(lock));
            }
        }
        return findings;
    }

    private static Finding finding(LockReport lock) {
        String title = String.format(Locale.ROOT,
                "Hot lock: %d threads waited %.2f s in all for %s at %s (%.2f waiting on average, queued %.0f%% of"
                        + " the time)",
                lock.waitingThreads(), lock.waitNanos() / 1e9, LockMetrics.shortName(lock.lockClass()),
                lock.criticalSection(), lock.meanWaiters(), lock.busy() * 100);
        String advice = String.format(Locale.ROOT,
                "On average %.2f threads stood queued at %s instead of working. Hold the lock for less time (do the"
                        + " work that does not need it before or after), take it less often (batch, cache per"
                        + " thread), or split it so that threads working on different data do not meet.",
                lock.meanWaiters(), lock.criticalSection());
        Severity severity = lock.meanWaiters() >= WARNING_MEAN_WAITERS ? Severity.WARNING : Severity.INFO;
        advice += LockMetrics.holderAdvice(lock);
        return new Finding(ID, severity, title, LockMetrics.subject(lock), LockMetrics.of(lock),
                LockMetrics.evidence(lock), advice, lock.waitNanos());
    }
}
