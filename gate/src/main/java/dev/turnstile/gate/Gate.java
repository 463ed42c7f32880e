package dev.turnstile.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges runs against rules: the gate's entry point for the CLI and for test frameworks.
 *
 * <pre>{@code
 * GateRules rules = GateRules.read(Path.of("turnstile-rules.yaml"));
 * GateResult result = new Gate(rules).evaluate(List.of(RunReport.of(analysis, version)), List.of());
 * if (!result.passed()) fail(result.failures().get(0).message());
 * }</pre>
 *
 * Several runs of one scenario are judged together: a metric's value is the median over the runs, a forbidden
 * finding fails if any run has it, and a limit relative to a baseline fails only if the increase exceeds the
 * allowed percentage, is at least the minimum effect, and (with two or more runs on each side) the significance
 * test finds it unlikely to be noise.
 */
public final class Gate {
    private final GateRules rules;

    public Gate(GateRules rules) {
        this.rules = rules;
    }

    /**
     * @param runs     one or more runs of the scenario
     * @param baseline earlier runs of the same scenario to compare with, or empty
     */
    public GateResult evaluate(List<RunReport> runs, List<RunReport> baseline) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to judge");
        }
        List<Check> checks = new ArrayList<>();
        for (ForbiddenFinding forbidden : rules.forbidden()) {
            checks.addAll(forbidden(forbidden, runs));
        }
        for (Limit limit : rules.limits()) {
            checks.addAll(limit(limit, runs, baseline));
        }
        return new GateResult(checks, runs.stream().map(RunReport::source).toList(),
                baseline.stream().map(RunReport::source).toList());
    }

    private static List<Check> forbidden(ForbiddenFinding rule, List<RunReport> runs) {
        Map<String, List<JsonNode>> bySubject = new LinkedHashMap<>();
        Map<String, Integer> runsWith = new LinkedHashMap<>();
        for (RunReport run : runs) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonNode finding : run.json().path("findings")) {
                if (rule.id().equals(finding.path("id").asText())
                        && rule.selector().matchesFinding(finding.path("subject"))) {
                    String subject = findingSubject(finding.path("subject"));
                    bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(finding);
                    if (seen.add(subject)) {
                        runsWith.merge(subject, 1, Integer::sum);
                    }
                }
            }
        }
        String name = rule.describe();
        if (bySubject.isEmpty()) {
            return List.of(new Check(name, "all subjects", Check.Status.PASSED, "absent", "absent", null, null,
                    rule.id() + " absent from " + runsText(runs.size())));
        }
        List<Check> checks = new ArrayList<>();
        bySubject.forEach((subject, findings) -> {
            int found = runsWith.get(subject);
            checks.add(new Check(name, subject, Check.Status.FAILED, "found in " + found + " of " + runs.size(),
                    "absent", null, null, rule.id() + " found in " + found + " of " + runsText(runs.size()) + ": "
                    + findings.get(0).path("title").asText()));
        });
        return checks;
    }

    private static String findingSubject(JsonNode subject) {
        String kind = subject.path("kind").asText();
        String name = Section.text(subject, "name");
        String site = Section.text(subject, "site");
        return kind + " " + name + (site == null ? "" : " at " + Section.withoutLine(site));
    }

    private List<Check> limit(Limit limit, List<RunReport> runs, List<RunReport> baseline) {
        Section section = limit.metric().section();
        Map<String, double[]> measured = valuesBySubject(limit, runs);
        if (measured.isEmpty()) {
            String what = section.list() ? "no subject in " + section.path()
                    + (limit.selector().patterns().isEmpty() ? "" : " matched " + limit.selector())
                    : "the runs have no " + section.path() + " data";
            return List.of(new Check(limit.name(), section.path(), Check.Status.SKIPPED, null, null, null, null,
                    limit.name() + ": " + what));
        }
        Map<String, double[]> base = baseline.isEmpty() ? Map.of() : valuesBySubject(limit, baseline);
        List<Check> checks = new ArrayList<>();
        measured.forEach((key, values) -> checks.add(judge(limit, subjectName(section, key), values,
                baseline.isEmpty() ? null : base.getOrDefault(key, new double[0]))));
        return checks;
    }

    private Check judge(Limit limit, String subject, double[] values, double[] base) {
        MetricKind kind = limit.metric().kind();
        if (values.length == 0) {
            return new Check(limit.name(), subject, Check.Status.SKIPPED, null, null, null, null,
                    limit.name() + ": " + subject + ": not measured in any run");
        }
        double median = median(values);
        String measured = Units.of(median, kind) + (values.length > 1 ? " (median of " + values.length + " runs)"
                : "");
        String head = limit.name() + ": " + subject + ": ";
        if (limit.max() != null && median > limit.max()) {
            return new Check(limit.name(), subject, Check.Status.FAILED, measured, "<= " + Units.of(limit.max(), kind),
                    null, null, head + "measured " + measured + " > limit " + Units.of(limit.max(), kind));
        }
        if (limit.min() != null && median < limit.min()) {
            return new Check(limit.name(), subject, Check.Status.FAILED, measured, ">= " + Units.of(limit.min(), kind),
                    null, null, head + "measured " + measured + " < limit " + Units.of(limit.min(), kind));
        }
        String absolute = limit.absolute() ? absoluteText(limit, kind) : null;
        if (!limit.relative()) {
            return new Check(limit.name(), subject, Check.Status.PASSED, measured, absolute, null, null,
                    head + "measured " + measured + " within " + absolute);
        }
        if (base == null) {
            Check.Status status = limit.absolute() ? Check.Status.PASSED : Check.Status.SKIPPED;
            return new Check(limit.name(), subject, status, measured, absolute, null, null, head + "measured "
                    + measured + "; no baseline given, so maxIncrease was not applied");
        }
        if (base.length == 0) {
            return new Check(limit.name(), subject, Check.Status.PASSED, measured, absolute, "absent", null, head
                    + "measured " + measured + "; not in the baseline, nothing to compare with");
        }
        return relative(limit, subject, values, base, median, measured, head);
    }

    private Check relative(Limit limit, String subject, double[] values, double[] base, double median,
                           String measured, String head) {
        MetricKind kind = limit.metric().kind();
        double baseMedian = median(base);
        String baseline = Units.of(baseMedian, kind) + " (median of " + base.length + " run" + (base.length == 1 ? ""
                : "s") + ")";
        double allowed = baseMedian * (1 + limit.maxIncrease());
        String limitText = "<= " + Units.of(allowed, kind) + " (baseline +" + Units.percent(limit.maxIncrease())
                + ")";
        double effect = median - baseMedian;
        String change = baseMedian > 0 ? " (" + signed(Units.percent(effect / baseMedian)) + ")" : "";
        String comparison = head + "measured " + measured + " vs baseline " + baseline + change;
        if (median <= allowed) {
            return new Check(limit.name(), subject, Check.Status.PASSED, measured, limitText, baseline, null,
                    comparison + ", within +" + Units.percent(limit.maxIncrease()));
        }
        double minEffect = limit.minEffect() == null ? 0 : limit.minEffect();
        if (effect < minEffect) {
            return new Check(limit.name(), subject, Check.Status.PASSED, measured, limitText, baseline, null,
                    comparison + ", but the increase of " + Units.of(effect, kind) + " is below the minimum effect "
                            + Units.of(minEffect, kind));
        }
        if (values.length < 2 || base.length < 2) {
            return new Check(limit.name(), subject, Check.Status.FAILED, measured, limitText, baseline, null,
                    comparison + " > " + Units.of(allowed, kind) + " allowed (one run on a side: no significance"
                            + " test)");
        }
        Significance significance = rules.significance();
        double p = significance.pValueHigher(values, base);
        String test = (significance.test() == Significance.Test.WELCH ? "Welch's t-test" : "Mann-Whitney U")
                + " p=" + pText(p);
        if (!significance.significant(p)) {
            return new Check(limit.name(), subject, Check.Status.PASSED, measured, limitText, baseline, p,
                    comparison + ", but not significant (" + test + " > " + significance.alpha() + ")");
        }
        return new Check(limit.name(), subject, Check.Status.FAILED, measured, limitText, baseline, p,
                comparison + " > " + Units.of(allowed, kind) + " allowed; " + test + " <= "
                        + significance.alpha());
    }

    private static String absoluteText(Limit limit, MetricKind kind) {
        List<String> parts = new ArrayList<>();
        if (limit.max() != null) {
            parts.add("<= " + Units.of(limit.max(), kind));
        }
        if (limit.min() != null) {
            parts.add(">= " + Units.of(limit.min(), kind));
        }
        return String.join(", ", parts);
    }

    /**
     * Per subject key, the metric's value in each run that has the subject (several subjects of one key in a run,
     * such as two locks of one class and site, count by the highest value: the one a limit is about).
     */
    private static Map<String, double[]> valuesBySubject(Limit limit, List<RunReport> runs) {
        Section section = limit.metric().section();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (RunReport run : runs) {
            Map<String, Double> highest = new LinkedHashMap<>();
            for (JsonNode subject : section.subjects(run.json())) {
                if (!limit.selector().matches(section, subject)) {
                    continue;
                }
                String key = section.key(subject);
                values.computeIfAbsent(key, k -> new ArrayList<>());
                Double value = limit.metric().valueOf(subject);
                if (value != null) {
                    highest.merge(key, value, Math::max);
                }
            }
            highest.forEach((key, value) -> values.get(key).add(value));
        }
        Map<String, double[]> arrays = new LinkedHashMap<>();
        values.forEach((key, list) -> arrays.put(key, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return arrays;
    }

    static String subjectName(Section section, String key) {
        return switch (section.path()) {
            case "locks", "herds" -> "lock " + key;
            case "pools" -> "pool " + key;
            case "lockKinds" -> "lock kind " + key;
            case "scheduler.groups" -> "thread group " + key;
            case "scheduler.threads" -> "thread " + key;
            default -> key;
        };
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String runsText(int runs) {
        return runs + (runs == 1 ? " run" : " runs");
    }

    private static String signed(String text) {
        return text.startsWith("-") ? text : "+" + text;
    }

    static String pText(double p) {
        return p < 0.001 ? String.format(java.util.Locale.ROOT, "%.1e", p)
                : String.format(java.util.Locale.ROOT, "%.3f", p);
    }
}
