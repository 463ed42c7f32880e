package dev.turnstile.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.RecordingException;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.reports.JsonModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One run as the gate and diff see it: its JSON report, made from a recording or read back from a report that
 * {@code --format json} wrote, so both kinds of input are judged by the same fields.
 *
 * @param source what the run came from, for messages (a file name)
 */
public record RunReport(String source, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    /** A run analyzed just now, e.g. by a test that recorded it. */
    public static RunReport of(Analysis analysis, String toolVersion) {
        return new RunReport(analysis.recording().file(), JsonModel.of(analysis, toolVersion));
    }

    /**
     * Reads a recording (analyzing it) or a JSON report, told apart by their first bytes.
     *
     * @throws GateException for a missing, unreadable or foreign file, or a report of another schema version
     */
    public static RunReport load(Path file, Analyzer analyzer, String toolVersion) throws GateException {
        byte[] head = head(file);
        if (startsWith(head, JFR_MAGIC)) {
            try {
                return of(analyzer.analyze(file), toolVersion);
            } catch (RecordingException e) {
                throw new GateException(e.getMessage(), e);
            }
        }
        if (firstNonBlank(head) == '{') {
            return readReport(file);
        }
        throw new GateException(file + (head.length == 0 ? " is empty" : " is neither a JFR recording nor a"
                + " Turnstile JSON report (turnstile report FILE --format json)"));
    }

    /**
     * Metrics that rules may name (docs/gate.md) but this report lacks where it has subjects to hold them: empty for
     * reports of this build; a report written by another version may lack some, and rules on them are then skipped.
     */
    public java.util.List<String> metricsMissing() {
        return Metrics.missingFrom(json);
    }

    private static RunReport readReport(Path file) throws GateException {
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new GateException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new GateException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (!"turnstile".equals(json.path("tool").path("name").asText())) {
            throw new GateException(file + " is JSON but not a Turnstile report (no tool.name \"turnstile\")");
        }
        int version = json.path("schemaVersion").asInt(-1);
        if (version != JsonModel.SCHEMA_VERSION) {
            throw new GateException(file + " is a Turnstile report of schema version " + version + "; this"
                    + " turnstile reads version " + JsonModel.SCHEMA_VERSION + ": analyze the recording again");
        }
        return new RunReport(file.toString(), json);
    }

    private static byte[] head(Path file) throws GateException {
        if (Files.isDirectory(file)) {
            throw new GateException(file + " is a directory, not a recording or report");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64);
        } catch (NoSuchFileException e) {
            throw new GateException(file + ": no such file");
        } catch (IOException e) {
            throw new GateException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonBlank(byte[] head) {
        for (byte b : head) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }
}
