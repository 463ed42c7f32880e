package dev.turnstile.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * A part of the JSON report that rules address: either one object (threads, scheduler) or a list of subjects
 * (locks, pools), each with the names selectors match and a key that finds the same subject in another run.
 *
 * @param path       where it is in the report, dot-separated ({@code scheduler.groups})
 * @param list       whether it is a list of subjects rather than one object
 * @param selectors  the selector names (lock, site, pool, thread) that apply to its subjects
 */
record Section(String path, boolean list, Set<String> selectors) {

    /** The node at this section's path, or a missing node. */
    JsonNode in(JsonNode report) {
        JsonNode node = report;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** The subjects of this section in one report: every element of a list, or the single object. */
    List<JsonNode> subjects(JsonNode report) {
        JsonNode node = in(report);
        if (!list) {
            return node.isObject() ? List.of(node) : List.of();
        }
        java.util.ArrayList<JsonNode> elements = new java.util.ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    /**
     * The subject's name across runs: addresses and identity hashes change from run to run, class names, methods
     * and thread names do not. Line numbers are left out of call sites, so a lock stays the same subject when a
     * change moves its code down the file.
     */
    String key(JsonNode subject) {
        return switch (path) {
            case "locks" -> text(subject, "class") + site(subject, "criticalSection");
            case "herds" -> text(subject, "class") + site(subject, "waitSite");
            case "pools" -> poolName(subject);
            case "lockKinds" -> text(subject, "kind");
            case "scheduler.groups", "scheduler.threads" -> text(subject, "name");
            default -> path;
        };
    }

    /** The text a selector of this name is matched against, or null if the subject has none. */
    String selectorValue(String selector, JsonNode subject) {
        return switch (selector) {
            case "lock" -> path.equals("lockKinds") ? text(subject, "kind") : text(subject, "class");
            case "site" -> path.equals("herds") ? text(subject, "waitSite") : text(subject, "criticalSection");
            case "pool" -> poolName(subject);
            case "thread" -> text(subject, "name");
            default -> null;
        };
    }

    static String poolName(JsonNode pool) {
        String name = text(pool, "name");
        return name != null ? name : text(pool, "class");
    }

    private static String site(JsonNode subject, String field) {
        String site = text(subject, field);
        return site == null ? "" : " at " + withoutLine(site);
    }

    /** {@code a.B.c:42} without {@code :42}. */
    static String withoutLine(String frame) {
        return frame.replaceFirst(":\\d+$", "");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
