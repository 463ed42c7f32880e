package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TS302, pool oversized: many workers, nearly all idle. Idle threads cost memory (a stack each), make every
 * thread dump and scheduler walk longer, and when work does burst they all run at once and contend. See
 * docs/findings/TS302.md.
 */
final class PoolOversizedRule implements Rule {
    static final String ID = "TS302";
    static final int MIN_WORKERS = 8;
    static final double MAX_UTILISATION = 0.1;
    /** Enough tasks that the utilisation means something. */
    static final long MIN_TASKS = 50;

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (PoolReport pool : analysis.pools()) {
            if (pool.maxWorkers() != null && pool.maxWorkers() >= MIN_WORKERS && pool.utilisation() != null
                    && pool.utilisation() <= MAX_UTILISATION && pool.submitted() >= MIN_TASKS
                    && pool.suggestedWorkers() != null && pool.suggestedWorkers() * 2 <= pool.maxWorkers()) {
                findings.add(finding(pool));
            }
        }
        return findings;
    }

    private static Finding finding(PoolReport pool) {
        String title = String.format(Locale.ROOT,
                "Pool oversized: %s has %d workers but kept %s of them busy on average (utilisation %s, %s arriving)",
                pool.displayName(), pool.maxWorkers(),
                PoolSaturatedRule.trim(pool.utilisation() * pool.workers()),
                Numbers.percent(pool.utilisation()), Numbers.rate(pool.arrivalRate()));
        String advice = String.format(Locale.ROOT,
                "Tasks arrive at %s and run %s each, which %d workers would serve at about 80 %% utilisation. Size the"
                        + " pool to the load (a core size near %d and a maximum for bursts), or share one pool among"
                        + " the callers that each have their own.",
                Numbers.rate(pool.arrivalRate()), Numbers.duration(pool.runTime().meanNanos()),
                pool.suggestedWorkers(), pool.suggestedWorkers());
        return new Finding(ID, Severity.INFO, title, PoolMetrics.subject(pool), PoolMetrics.of(pool),
                PoolMetrics.evidence(pool), advice, 0);
    }
}
