package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** TS303, tasks rejected: an executor refused work (its queue was full or it was shut down). See docs/findings/TS303.md. */
final class PoolRejectionRule implements Rule {
    static final String ID = "TS303";

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (PoolReport pool : analysis.pools()) {
            if (pool.rejected() > 0) {
                findings.add(finding(pool));
            }
        }
        return findings;
    }

    private static Finding finding(PoolReport pool) {
        double share = pool.submitted() == 0 ? 0 : (double) pool.rejected() / pool.submitted();
        String title = String.format(Locale.ROOT, "Tasks rejected: %s refused %d of %d submitted tasks (%s)",
                pool.displayName(), pool.rejected(), pool.submitted(), Numbers.percent(share));
        String advice = "Each rejection reached the submitter as a RejectedExecutionException (or whatever the"
                + " rejection policy does). If the queue bound is meant as backpressure, make sure callers handle it;"
                + " if not, the pool is too small for its bursts (see its queue wait) or it was used after shutdown.";
        // Rejected work is work not done: weigh it as its run time, so it ranks among the other findings.
        long impact = (long) (pool.rejected() * pool.runTime().meanNanos());
        return new Finding(ID, Severity.WARNING, title, PoolMetrics.subject(pool), PoolMetrics.of(pool),
                PoolMetrics.evidence(pool), advice, impact);
    }
}
