package dev.turnstile.gate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One number of the JSON report, as a rule names it: {@code pools.queueWait.p99Nanos} is the field
 * {@code queueWait.p99Nanos} of every subject in the section {@code pools}.
 */
record Metric(Section section, String field, MetricKind kind) {

    String path() {
        return section.path() + "." + field;
    }

    /** The metric's value for one subject, or null when the report has no number there (e.g. not measured). */
    Double valueOf(JsonNode subject) {
        JsonNode node = subject;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node.isNumber() ? node.asDouble() : null;
    }
}
