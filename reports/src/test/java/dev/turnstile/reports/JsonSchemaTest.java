package dev.turnstile.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.turnstile.analyzer.model.Analysis;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON report against its published schema (the CLI's tests check real recordings' reports too). */
class JsonSchemaTest {
    static final String SCHEMA = "/dev/turnstile/reports/turnstile-report.schema.json";

    private static JsonSchema schema() throws Exception {
        try (InputStream in = JsonReport.class.getResourceAsStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode json(Analysis analysis) throws Exception {
        StringWriter out = new StringWriter();
        Report.of(Report.Format.JSON, "9.9.9").write(analysis, out);
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void everyFixtureValidates() throws Exception {
        JsonSchema schema = schema();
        for (Analysis analysis : new Analysis[] {ReportFixtures.withOneFinding(1.02, java.util.List.of("n")),
            ReportFixtures.withOneFinding(null, java.util.List.of()), ReportFixtures.oversubscribed(),
            ReportFixtures.empty(), ReportFixtures.hostile()}) {
            Set<ValidationMessage> errors = schema.validate(json(analysis));
            assertTrue(errors.isEmpty(), () -> errors + "\n" + analysis);
        }
    }

    @Test
    void aMissingRequiredFieldFails() throws Exception {
        JsonNode report = json(ReportFixtures.withOneFinding(1.02, java.util.List.of()));
        ((ObjectNode) report.path("locks").get(0)).remove("busy");
        Set<ValidationMessage> errors = schema().validate(report);
        assertFalse(errors.isEmpty(), "a lock without busy must not validate");
        assertTrue(errors.toString().contains("busy"), errors.toString());
    }

    @Test
    void anUndocumentedFieldFails() throws Exception {
        JsonNode report = json(ReportFixtures.oversubscribed());
        ((ObjectNode) report.path("scheduler")).put("surprise", 1);
        ((ObjectNode) report).put("extra", true);
        Set<ValidationMessage> errors = schema().validate(report);
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void theSchemaNamesTheReportsVersion() throws Exception {
        try (InputStream in = JsonReport.class.getResourceAsStream(SCHEMA)) {
            JsonNode schema = new ObjectMapper().readTree(in);
            assertEquals(JsonReport.SCHEMA_VERSION, schema.path("properties").path("schemaVersion").path("const")
                    .asInt());
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        }
    }
}
