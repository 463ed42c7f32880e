package dev.turnstile.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * A rule's verdict with its evidence.
 *
 * @param id          stable rule id, e.g. TS101; each has a page under docs/findings/
 * @param title       one line carrying the numbers
 * @param metrics     the numbers behind the verdict, in a stable order
 * @param stacks      evidence: where threads waited (later also where holders were)
 * @param impactNanos estimated thread-time lost; findings are ranked by it
 */
public record Finding(String id, Severity severity, String title, Subject subject, Map<String, Number> metrics,
                      List<StackSummary> stacks, String advice, long impactNanos) {
    public Finding {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        stacks = List.copyOf(stacks);
    }
}
