package dev.turnstile.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two runs: findings that appeared or went away, and per lock, pool and for the whole process the
 * key metrics before and after, with their ratio and whether that is better or worse.
 */
public final class Diff {
    /** Ratios within this much of 1 are reported as unchanged: single runs vary about this much. */
    static final double SAME = 0.10;

    private static final List<KeyMetric> KEY_METRICS = List.of(
            key("locks.waitNanos", true), key("locks.busy", true), key("locks.meanHoldNanos", true),
            key("locks.maxWaitNanos", true),
            key("pools.queueWait.p99Nanos", true), key("pools.runTime.p99Nanos", true), key("pools.utilisation", true),
            key("pools.rejected", true),
            key("scheduler.meanParallelism", false), key("scheduler.runQueueShare", true),
            key("threads.started", true), key("processes.spawns", true));

    /** @param higherIsWorse false for metrics where more is better, such as parallelism */
    record KeyMetric(Metric metric, boolean higherIsWorse) {
    }

    public enum Change {
        WORSE, BETTER, SAME, NEW, GONE
    }

    /** One metric of one subject in both runs; a null value: the run has no such number. */
    public record MetricChange(String metric, String subject, Double base, Double next, Change change,
                               String baseText, String nextText) {
        /** next / base, or null when undefined. */
        public Double ratio() {
            return base == null || next == null || base == 0 ? null : next / base;
        }
    }

    /** A finding, keyed by id and subject, present in only one of the runs. */
    public record FindingChange(String id, String subject, String title, Change change) {
    }

    public record Result(String base, String next, List<FindingChange> findings, List<MetricChange> metrics) {
        public Result {
            findings = List.copyOf(findings);
            metrics = List.copyOf(metrics);
        }
    }

    private Diff() {
    }

    private static KeyMetric key(String path, boolean higherIsWorse) {
        try {
            return new KeyMetric(Metrics.parse(path), higherIsWorse);
        } catch (GateException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Result compare(RunReport base, RunReport next) {
        return new Result(base.source(), next.source(), findings(base, next), metrics(base, next));
    }

    private static List<FindingChange> findings(RunReport base, RunReport next) {
        Map<String, JsonNode> before = findingsByKey(base);
        Map<String, JsonNode> after = findingsByKey(next);
        List<FindingChange> changes = new ArrayList<>();
        after.forEach((key, finding) -> {
            if (!before.containsKey(key)) {
                changes.add(findingChange(finding, Change.NEW));
            }
        });
        before.forEach((key, finding) -> {
            if (!after.containsKey(key)) {
                changes.add(findingChange(finding, Change.GONE));
            }
        });
        return changes;
    }

    private static FindingChange findingChange(JsonNode finding, Change change) {
        JsonNode subject = finding.path("subject");
        String site = Section.text(subject, "site");
        return new FindingChange(finding.path("id").asText(), subject.path("kind").asText() + " "
                + subject.path("name").asText() + (site == null ? "" : " at " + Section.withoutLine(site)),
                finding.path("title").asText(), change);
    }

    private static Map<String, JsonNode> findingsByKey(RunReport run) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode finding : run.json().path("findings")) {
            JsonNode subject = finding.path("subject");
            byKey.putIfAbsent(finding.path("id").asText() + "|" + subject.path("kind").asText() + "|"
                    + subject.path("name").asText() + "|" + Section.withoutLine(subject.path("site").asText()), finding);
        }
        return byKey;
    }

    private static List<MetricChange> metrics(RunReport base, RunReport next) {
        List<MetricChange> changes = new ArrayList<>();
        for (KeyMetric key : KEY_METRICS) {
            Metric metric = key.metric();
            Map<String, Double> before = values(metric, base);
            Map<String, Double> after = values(metric, next);
            Set<String> subjects = new LinkedHashSet<>(after.keySet());
            subjects.addAll(before.keySet());
            for (String subject : subjects) {
                Double b = before.get(subject);
                Double n = after.get(subject);
                if (b == null && n == null) {
                    continue;
                }
                changes.add(new MetricChange(metric.path(), Gate.subjectName(metric.section(), subject), b, n,
                        change(key, before.containsKey(subject), after.containsKey(subject), b, n),
                        b == null ? null : Units.of(b, metric.kind()), n == null ? null : Units.of(n, metric.kind())));
            }
        }
        return changes;
    }

    private static Change change(KeyMetric key, boolean inBase, boolean inNext, Double base, Double next) {
        if (!inBase) {
            return Change.NEW;
        }
        if (!inNext) {
            return Change.GONE;
        }
        if (base == null || next == null || Math.abs(next - base) <= SAME * Math.max(Math.abs(base), Math.abs(next))) {
            return Change.SAME;
        }
        return (next > base) == key.higherIsWorse() ? Change.WORSE : Change.BETTER;
    }

    /** The metric per subject key; the highest where one run has several subjects of one key, as the gate counts. */
    private static Map<String, Double> values(Metric metric, RunReport run) {
        Map<String, Double> values = new LinkedHashMap<>();
        Section section = metric.section();
        for (JsonNode subject : section.subjects(run.json())) {
            String key = section.key(subject);
            Double value = metric.valueOf(subject);
            if (value == null) {
                values.putIfAbsent(key, null);
            } else {
                values.merge(key, value, (a, b) -> a == null ? b : Math.max(a, b));
            }
        }
        return values;
    }
}
