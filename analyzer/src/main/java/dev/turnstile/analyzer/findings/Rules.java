package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The findings catalogue: every rule, and the order findings are shown in. */
public final class Rules {
    private static final List<Rule> ALL = List.of(new SerialisationRule(), new HotLockRule());

    private Rules() {
    }

    /** @return all findings, the largest estimated impact (thread-time lost) first */
    public static List<Finding> evaluate(RecordingInfo recording, List<LockReport> locks) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : ALL) {
            findings.addAll(rule.evaluate(recording, locks));
        }
        findings.sort(Comparator.comparingLong(Finding::impactNanos).reversed()
                .thenComparing(Finding::severity));
        return findings;
    }
}
