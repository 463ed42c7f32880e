package dev.turnstile.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.Subject;
import dev.turnstile.analyzer.model.ThreadCount;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report. Field names are spelled out here rather than derived from the model's classes,
 * because they are a published contract (docs/json-report.md): renaming a Java field must not change them.
 */
final class JsonReport implements Report {
    /** Raise when a field changes meaning or disappears; adding fields does not need it. */
    static final int SCHEMA_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String toolVersion;

    JsonReport(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(Analysis analysis, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(analysis));
        out.write(System.lineSeparator());
        out.flush();
    }

    JsonNode toJson(Analysis analysis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "turnstile");
        tool.put("version", toolVersion);
        root.set("recording", recording(analysis.recording()));
        ArrayNode findings = root.putArray("findings");
        analysis.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode locks = root.putArray("locks");
        analysis.locks().forEach(l -> locks.add(lock(l)));
        LockSections.add(root, analysis);
        return root;
    }

    private static ObjectNode recording(RecordingInfo info) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", info.file());
        node.put("start", info.start() == null ? null : info.start().toString());
        node.put("durationNanos", info.durationNanos());
        node.put("cpus", info.cpus());
        ObjectNode jvm = node.putObject("jvm");
        jvm.put("name", info.jvmName());
        jvm.put("version", info.jvmVersion());
        if (info.agent() == null) {
            node.putNull("agent");
        } else {
            ObjectNode agent = node.putObject("agent");
            agent.put("version", info.agent().version());
            agent.put("schemaVersion", info.agent().schemaVersion());
        }
        ArrayNode notes = node.putArray("notes");
        info.notes().forEach(notes::add);
        return node;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", finding.id());
        node.put("severity", finding.severity().label());
        node.put("title", finding.title());
        node.set("subject", subject(finding.subject()));
        node.set("metrics", metrics(finding.metrics()));
        node.set("stacks", stacks(finding.stacks()));
        node.put("advice", finding.advice());
        node.put("impactNanos", finding.impactNanos());
        return node;
    }

    private static ObjectNode subject(Subject subject) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", subject.kind());
        node.put("name", subject.name());
        node.put("id", subject.id());
        node.put("site", subject.site());
        return node;
    }

    private static ObjectNode metrics(Map<String, Number> metrics) {
        ObjectNode node = MAPPER.createObjectNode();
        metrics.forEach((name, value) -> {
            if (value instanceof Double || value instanceof Float) {
                node.put(name, value.doubleValue());
            } else {
                node.put(name, value.longValue());
            }
        });
        return node;
    }

    private static ObjectNode lock(LockReport lock) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", lock.kind().label());
        node.put("class", lock.lockClass());
        node.put("id", lock.id());
        node.put("waits", lock.waits());
        node.put("waitNanos", lock.waitNanos());
        node.put("maxWaitNanos", lock.maxWaitNanos());
        node.put("meanWaiters", lock.meanWaiters());
        node.put("busy", lock.busy());
        node.put("waitingThreads", lock.waitingThreads());
        if (lock.usersParallelism() == null) {
            node.putNull("usersParallelism");
        } else {
            node.put("usersParallelism", lock.usersParallelism());
        }
        node.put("criticalSection", lock.criticalSection());
        ArrayNode owners = node.putArray("owners");
        for (ThreadCount owner : lock.owners()) {
            owners.addObject().put("thread", owner.thread()).put("count", owner.count());
        }
        node.set("waiterStacks", stacks(lock.waiterStacks()));
        LockSections.addLockDetails(node, lock);
        return node;
    }

    static ArrayNode stacks(List<StackSummary> stacks) {
        ArrayNode array = MAPPER.createArrayNode();
        for (StackSummary stack : stacks) {
            ObjectNode node = array.addObject();
            ArrayNode frames = node.putArray("frames");
            stack.frames().forEach(frames::add);
            node.put("count", stack.count());
            node.put("nanos", stack.nanos());
        }
        return array;
    }
}
