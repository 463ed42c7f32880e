package dev.turnstile.cli.calibrate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/** calibrate's output for programs (docs/calibrate.md); field names are spelled out here because they are a contract. */
public final class CalibrationJson {
    /** Raise when a field changes meaning or disappears; adding fields does not need it. */
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private CalibrationJson() {
    }

    /** @param savedTo where the figures were saved, or null when they were not */
    public static void write(CalibrationRun run, String toolVersion, Path savedTo, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "turnstile");
        tool.put("version", toolVersion);
        root.put("measured", run.measured().toString());
        root.put("machine", run.machine());
        Measurement switchCost = run.of(CalibrationRun.SWITCH_COST);
        ObjectNode switches = root.putObject("switchCost");
        switches.put("key", switchCost.probe().cost.key);
        switches.put("nanos", switchCost.isMeasured() ? switchCost.savedNanos() : switchCost.probe().cost.defaultNanos());
        ArrayNode operations = root.putArray("operations");
        run.measurements().forEach(m -> operations.add(operation(m)));
        root.put("savedTo", savedTo == null ? null : savedTo.toAbsolutePath().toString());
        MAPPER.writeValue(out, root);
        out.write(System.lineSeparator());
        out.flush();
    }

    private static ObjectNode operation(Measurement m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", m.probe().cost.key);
        node.put("operation", m.probe().label);
        node.put("measured", m.isMeasured());
        if (m.isMeasured()) {
            node.put("medianNanos", m.savedNanos());
            node.put("minNanos", Math.round(m.minNanos()));
            node.put("maxNanos", Math.round(m.maxNanos()));
            node.put("repetitions", m.repetitions());
            node.put("operationsPerRepetition", m.batch());
        } else {
            node.put("missing", m.missing());
        }
        node.put("defaultNanos", m.probe().cost.defaultNanos());
        node.put("note", m.note());
        return node;
    }
}
