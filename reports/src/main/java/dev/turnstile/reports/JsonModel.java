package dev.turnstile.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turnstile.analyzer.model.Analysis;

/**
 * The JSON report as a tree rather than text, for programs that judge or compare analyses (the gate, diff): they
 * address the same fields whether the analysis was just made from a recording or read back from a JSON report.
 */
public final class JsonModel {
    /** The {@code schemaVersion} this build writes; see docs/json-report.md. */
    public static final int SCHEMA_VERSION = JsonReport.SCHEMA_VERSION;

    private JsonModel() {
    }

    public static ObjectNode of(Analysis analysis, String toolVersion) {
        return (ObjectNode) new JsonReport(toolVersion).toJson(analysis);
    }
}
