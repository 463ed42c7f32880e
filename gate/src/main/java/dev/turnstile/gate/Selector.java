package dev.turnstile.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which subjects a rule is about: name patterns by selector ({@code lock}, {@code site}, {@code pool},
 * {@code thread}), all of which must match. Without patterns every subject of the section is selected.
 */
record Selector(Map<String, Glob> patterns) {
    static final java.util.List<String> NAMES = java.util.List.of("lock", "site", "pool", "thread");

    Selector {
        patterns = Map.copyOf(patterns);
    }

    static Selector all() {
        return new Selector(Map.of());
    }

    boolean matches(Section section, JsonNode subject) {
        for (Map.Entry<String, Glob> pattern : patterns.entrySet()) {
            if (!pattern.getValue().matches(section.selectorValue(pattern.getKey(), subject))) {
                return false;
            }
        }
        return true;
    }

    /** Findings name their subject by kind; a selector only matches findings of the kind it is about. */
    boolean matchesFinding(JsonNode subject) {
        String kind = Section.text(subject, "kind");
        for (Map.Entry<String, Glob> pattern : patterns.entrySet()) {
            String value = switch (pattern.getKey()) {
                case "lock" -> "lock".equals(kind) ? Section.text(subject, "name") : null;
                case "pool" -> "pool".equals(kind) ? poolName(Section.text(subject, "name")) : null;
                case "thread" -> "threads".equals(kind) || "thread group".equals(kind)
                        ? Section.text(subject, "name") : null;
                default -> Section.text(subject, "site");
            };
            if (!pattern.getValue().matches(value)) {
                return false;
            }
        }
        return true;
    }

    /** A pool finding names its pool "NAME* (CLASS)", the workers' name with their number left out. */
    private static String poolName(String shown) {
        return shown == null ? null : shown.replaceFirst("\\* \\([^()]*\\)$", "");
    }

    @Override
    public String toString() {
        return patterns.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
