package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The findings catalogue: every rule, and the order findings are shown in. */
public final class Rules {
    private static final List<Rule> ALL = List.of(new SerialisationRule(), new HotLockRule(), new AsymmetricLockRule(),
            new DeadlockRule(), new HerdRule(), new OversubscriptionRule(), new PoolSaturatedRule(),
            new PoolOversizedRule(), new PoolRejectionRule(), new ThreadChurnRule(), new SpawnStormRule(),
            new PinningRule());

    /** Every finding id a rule can give, for users who name findings (gate rules that forbid them). */
    private static final List<String> IDS = List.of(SerialisationRule.ID, HotLockRule.ID, AsymmetricLockRule.ID,
            DeadlockRule.ID, HerdRule.ID, OversubscriptionRule.ID, PoolSaturatedRule.ID, PoolOversizedRule.ID,
            PoolRejectionRule.ID, ThreadChurnRule.ID, SpawnStormRule.ID, PinningRule.ID);

    private Rules() {
    }

    public static List<String> ids() {
        return IDS;
    }

    /** @return all findings, the largest estimated impact (thread-time lost) first */
    public static List<Finding> evaluate(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : ALL) {
            findings.addAll(rule.evaluate(analysis));
        }
        findings.sort(Comparator.comparingLong(Finding::impactNanos).reversed()
                .thenComparing(Finding::severity));
        return findings;
    }
}
