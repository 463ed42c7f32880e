package dev.turnstile.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.turnstile.analyzer.findings.Rules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rules file strictly: an unknown key, finding id, metric, selector or unit is an error naming where it is,
 * because a misspelt rule that silently checks nothing is worse than no rule.
 */
final class RulesParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("forbid", "limits", "significance");
    private static final Set<String> LIMIT_KEYS = Set.of("name", "metric", "max", "min", "maxIncrease", "minEffect",
            "lock", "site", "pool", "thread");

    private final String source;

    RulesParser(String source) {
        this.source = source;
    }

    GateRules parse(String yaml) throws GateException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            String reason = e.getOriginalMessage().replaceAll("\\s+", " ").trim();
            throw new GateException(source + ": not valid YAML" + where + " (" + reason + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new GateException(source + ": the rules file is empty");
        }
        if (!root.isObject()) {
            throw new GateException(source + ": expected a mapping with forbid, limits and significance");
        }
        checkKeys(root, TOP, "the top level");
        List<ForbiddenFinding> forbidden = new ArrayList<>();
        int i = 0;
        for (JsonNode entry : list(root, "forbid")) {
            forbidden.add(forbidden(entry, "forbid[" + i++ + "]"));
        }
        List<Limit> limits = new ArrayList<>();
        i = 0;
        for (JsonNode entry : list(root, "limits")) {
            limits.add(limit(entry, "limits[" + i++ + "]"));
        }
        if (forbidden.isEmpty() && limits.isEmpty()) {
            throw new GateException(source + ": no rules: add forbid or limits (see docs/gate.md)");
        }
        return new GateRules(forbidden, limits, significance(root.get("significance")));
    }

    private ForbiddenFinding forbidden(JsonNode entry, String where) throws GateException {
        if (entry.isTextual()) {
            return new ForbiddenFinding(findingId(entry.asText(), where), Selector.all());
        }
        if (!entry.isObject() || !entry.has("id")) {
            throw error(where, "expected a finding id (TS104) or a mapping with id and selectors");
        }
        Set<String> keys = new java.util.HashSet<>(Selector.NAMES);
        keys.add("id");
        checkKeys(entry, keys, where);
        return new ForbiddenFinding(findingId(entry.get("id").asText(), where), selector(entry, where, null));
    }

    private String findingId(String id, String where) throws GateException {
        String upper = id.trim().toUpperCase(Locale.ROOT);
        if (!Rules.ids().contains(upper)) {
            throw error(where, "unknown finding id '" + id + "' (known: " + String.join(", ", Rules.ids()) + ")");
        }
        return upper;
    }

    private Limit limit(JsonNode entry, String where) throws GateException {
        if (!entry.isObject()) {
            throw error(where, "expected a mapping with metric and max, min or maxIncrease");
        }
        checkKeys(entry, LIMIT_KEYS, where);
        if (!entry.hasNonNull("metric")) {
            throw error(where, "no metric (e.g. metric: locks.waitNanos)");
        }
        Metric metric;
        try {
            metric = Metrics.parse(entry.get("metric").asText());
        } catch (GateException e) {
            throw error(where, e.getMessage());
        }
        Double max = quantity(entry, "max", metric, where);
        Double min = quantity(entry, "min", metric, where);
        Double minEffect = quantity(entry, "minEffect", metric, where);
        Double maxIncrease = null;
        if (entry.hasNonNull("maxIncrease")) {
            Quantity increase = Quantity.parse(scalar(entry.get("maxIncrease")), source + ": " + where + ".maxIncrease");
            if (increase.unit() != Quantity.Unit.PERCENT) {
                throw error(where, "maxIncrease is a percentage of the baseline, such as 10%");
            }
            maxIncrease = increase.value();
        }
        if (max == null && min == null && maxIncrease == null) {
            throw error(where, "a limit needs max, min or maxIncrease");
        }
        if (minEffect != null && maxIncrease == null) {
            throw error(where, "minEffect only applies with maxIncrease");
        }
        String name = entry.hasNonNull("name") ? entry.get("name").asText() : defaultName(metric, max, min,
                maxIncrease);
        return new Limit(name, metric, selector(entry, where, metric.section()), max, min, maxIncrease, minEffect);
    }

    private static String defaultName(Metric metric, Double max, Double min, Double maxIncrease) {
        List<String> parts = new ArrayList<>();
        if (max != null) {
            parts.add("<= " + Units.of(max, metric.kind()));
        }
        if (min != null) {
            parts.add(">= " + Units.of(min, metric.kind()));
        }
        if (maxIncrease != null) {
            parts.add("at most " + Units.percent(maxIncrease) + " over baseline");
        }
        return metric.path() + " " + String.join(", ", parts);
    }

    private Double quantity(JsonNode entry, String key, Metric metric, String where) throws GateException {
        if (!entry.hasNonNull(key)) {
            return null;
        }
        String at = source + ": " + where + "." + key;
        return Quantity.parse(scalar(entry.get(key)), at).in(metric, at);
    }

    private static Object scalar(JsonNode node) {
        return node.isNumber() ? node.numberValue() : node.asText();
    }

    /** @param section the metric's section, whose subjects the selectors must be able to name; null for findings */
    private Selector selector(JsonNode entry, String where, Section section) throws GateException {
        Map<String, Glob> patterns = new LinkedHashMap<>();
        for (String name : Selector.NAMES) {
            if (!entry.hasNonNull(name)) {
                continue;
            }
            if (section != null && !section.selectors().contains(name)) {
                throw error(where, "selector '" + name + "' does not apply to " + section.path()
                        + (section.selectors().isEmpty() ? " (it has no subjects to select)"
                        : " (use " + String.join(" or ", new java.util.TreeSet<>(section.selectors())) + ")"));
            }
            patterns.put(name, Glob.of(entry.get(name).asText()));
        }
        return new Selector(patterns);
    }

    private Significance significance(JsonNode node) throws GateException {
        if (node == null || node.isNull()) {
            return Significance.DEFAULT;
        }
        if (!node.isObject()) {
            throw error("significance", "expected a mapping with test and alpha");
        }
        checkKeys(node, Set.of("test", "alpha"), "significance");
        Significance.Test test = Significance.DEFAULT.test();
        if (node.hasNonNull("test")) {
            String name = node.get("test").asText();
            test = java.util.Arrays.stream(Significance.Test.values()).filter(t -> t.label().equals(name))
                    .findFirst().orElseThrow(() -> error("significance.test", "unknown test '" + name
                            + "' (welch or mann-whitney)"));
        }
        double alpha = Significance.DEFAULT.alpha();
        if (node.hasNonNull("alpha")) {
            Quantity written = Quantity.parse(scalar(node.get("alpha")), source + ": significance.alpha");
            alpha = written.value();
            if (written.unit() == Quantity.Unit.DURATION || alpha <= 0 || alpha >= 1) {
                throw error("significance.alpha", "alpha is a probability between 0 and 1, such as 0.05");
            }
        }
        return new Significance(test, alpha);
    }

    private List<JsonNode> list(JsonNode root, String key) throws GateException {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(key, "expected a list");
        }
        List<JsonNode> entries = new ArrayList<>();
        node.forEach(entries::add);
        return entries;
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String where) throws GateException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(where, "unknown key '" + name + "' (expected " + String.join(", ",
                        new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private GateException error(String where, String message) {
        return new GateException(source + ": " + where + ": " + message);
    }
}
