package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.reports.Report;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real recordings of samples, each showing different parts of the model, rendered in every format; and the report
 * command as users run it: to a file, coloured or not on a terminal and in a pipe.
 */
class ReportFormatsIT {
    private static final String ESC = "\u001b[";

    /** A sample and what its reports must show, in text and in Markdown. */
    private record Case(int jdk, String sample, String text, String markdown) {
    }

    private static final List<Case> CASES = List.of(
            new Case(17, "gil", "TS101", "| 1 | 🔴 **critical** | TS101 |"),
            new Case(17, "pool", "Pools by tasks submitted", "### Pools by tasks submitted"),
            new Case(17, "spawn", "processes: ", "- **Processes:** "),
            new Case(17, "churn", "threads: ", "- **Threads:** "),
            new Case(17, "herd", "Locks by time waited", "### Locks"),
            new Case(25, "virtual", "virtual threads: ", "- **Virtual threads:** "));

    private static JsonSchema schema() throws Exception {
        try (InputStream in = Report.class.getResourceAsStream("/dev/turnstile/reports/turnstile-report.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static String render(Analysis analysis, Report.Format format) throws Exception {
        StringWriter out = new StringWriter();
        Report.of(format, "it").write(analysis, out);
        return out.toString();
    }

    @Test
    void everySamplesReportRendersInEveryFormat() throws Exception {
        JsonSchema schema = schema();
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "formats");
        for (Case c : CASES) {
            Path recording = SampleRecording.of(Jdks.require(c.jdk()), c.sample()).file();
            Analysis analysis = new Analyzer().analyze(recording);

            String text = render(analysis, Report.Format.TEXT);
            String md = render(analysis, Report.Format.MARKDOWN);
            String json = render(analysis, Report.Format.JSON);
            Files.writeString(dir.resolve(c.sample() + ".txt"), text);
            Files.writeString(dir.resolve(c.sample() + ".md"), md);
            Files.writeString(dir.resolve(c.sample() + ".json"), json);

            assertTrue(text.startsWith("Turnstile it | " + recording.getFileName()), c + "\n" + text);
            assertTrue(text.contains(c.text()), c + "\n" + text);
            assertFalse(text.contains(ESC), "no colours unless asked");
            assertTrue(md.startsWith("## Turnstile report: `" + recording.getFileName() + "`"), c + "\n" + md);
            assertTrue(md.contains(c.markdown()), c + "\n" + md);
            assertTrue(md.getBytes(StandardCharsets.UTF_8).length < 1 << 20, c.toString());
            Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(json));
            assertTrue(errors.isEmpty(), () -> c + ": " + errors);
        }
    }

    @Test
    void reportToAFileInMarkdownAndToStdoutInJson() throws Exception {
        Path recording = SampleRecording.of(Jdks.require(17), "gil").file();
        Path out = Files.createTempDirectory(Artifacts.outputDirectory(), "report").resolve("summary.md");
        Command.Outcome toFile = Turnstile.on(Jdks.require(17), "report", recording, "--format", "markdown", "-o", out);
        assertEquals(0, toFile.exitCode(), toFile::describe);
        assertEquals("", toFile.stdout(), toFile::describe);
        assertTrue(toFile.stderr().contains("report written to " + out), toFile::describe);
        assertTrue(Files.readString(out).contains("| 1 | 🔴 **critical** | TS101 |"), Files.readString(out));

        Command.Outcome json = Turnstile.on(Jdks.require(17), "report", recording, "--format", "json");
        assertEquals(0, json.exitCode(), json::describe);
        Set<ValidationMessage> errors = schema().validate(new ObjectMapper().readTree(json.stdout()));
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminalWithoutNoColor() throws Exception {
        Path recording = SampleRecording.of(Jdks.require(17), "gil").file();
        Command.Outcome always = Turnstile.command(Jdks.require(17), "report", recording, "--color=always")
                .env("NO_COLOR", null).run();
        assertEquals(0, always.exitCode(), always::describe);
        assertTrue(always.stdout().contains(ESC + "1;31mCRITICAL"), always::describe);

        Command.Outcome piped = Turnstile.command(Jdks.require(17), "report", recording).env("NO_COLOR", null).run();
        assertEquals(0, piped.exitCode(), piped::describe);
        assertTrue(piped.stdout().contains("CRITICAL TS101"), piped::describe);
        assertFalse(piped.stdout().contains(ESC), "a pipe gets no colours: " + piped.stdout());

        // On a terminal (a pseudo-terminal from script(1)), colours come on by themselves, and NO_COLOR turns them off.
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "script(1) is needed for a terminal");
        String command = Jdks.require(17).java() + " -jar " + Artifacts.cliJar() + " report " + recording;
        Command.Outcome terminal = Command.of(script, "-qec", command, "/dev/null").env("NO_COLOR", null)
                .env("TERM", "xterm").run();
        assertEquals(0, terminal.exitCode(), terminal::describe);
        assertTrue(terminal.stdout().contains(ESC + "1;31mCRITICAL"), terminal::describe);
        Command.Outcome noColor = Command.of(script, "-qec", command, "/dev/null").env("NO_COLOR", "1")
                .env("TERM", "xterm").run();
        assertEquals(0, noColor.exitCode(), noColor::describe);
        assertTrue(noColor.stdout().contains("CRITICAL TS101"), noColor::describe);
        assertFalse(noColor.stdout().contains(ESC), noColor::describe);
        Command.Outcome never = Command.of(script, "-qec", command + " --color=never", "/dev/null")
                .env("NO_COLOR", null).env("TERM", "xterm").run();
        assertFalse(never.stdout().contains(ESC), never::describe);
    }
}
