package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.samples.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command layer in-process: usage errors, help and version, without starting programs. */
class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int turnstile(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void assertOneLineError(String expected) {
        String text = err.toString();
        assertEquals(1, text.lines().count(), () -> "one line expected: " + text);
        assertTrue(text.startsWith("turnstile: "), text);
        assertTrue(text.contains(expected), () -> "'" + expected + "' not in: " + text);
    }

    @Test
    void versionAndHelpOnEveryCommand() {
        assertEquals(0, turnstile("--version"));
        assertTrue(out.toString().startsWith("turnstile "), out.toString());
        for (String command : new String[] {"run", "attach", "ps", "report", "gate", "diff", "demo", "calibrate"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, turnstile(command, "--help"));
            assertTrue(out.toString().contains("Usage: turnstile " + command), out.toString());
            out.getBuffer().setLength(0);
            assertEquals(0, turnstile(command, "--version"));
            assertTrue(out.toString().startsWith("turnstile "), out.toString());
        }
    }

    /** One command renders reports; 'analyze', its older name, is the same command. */
    @Test
    void analyzeIsTheReportCommand() {
        assertEquals(0, turnstile("analyze", "--help"));
        assertTrue(out.toString().contains("Usage: turnstile report"), out.toString());
        assertTrue(out.toString().contains("--format=FORMAT"), out.toString());
        assertTrue(out.toString().contains("text, json, html, md"), out.toString());
        assertTrue(out.toString().contains("--color=WHEN"), out.toString());
    }

    @Test
    void formatNamesAreAcceptedInAnyCaseWithMarkdownUnderBothNames() {
        for (String name : new String[] {"md", "markdown", "MD", "Markdown"}) {
            assertEquals(dev.turnstile.reports.Report.Format.MARKDOWN,
                    new ReportOptions.FormatConverter().convert(name), name);
        }
        assertEquals(dev.turnstile.reports.Report.Format.JSON, new ReportOptions.FormatConverter().convert("JSON"));
    }

    @Test
    void badColorIsAUsageError() {
        assertEquals(2, turnstile("report", "--color", "sometimes", "x.jfr"));
        assertOneLineError("'sometimes' is not one of auto, always, never");
    }

    @Test
    void aReportToAMissingDirectoryFailsBeforeTheAnalysis() {
        assertEquals(2, turnstile("report", "/nonexistent/recording.jfr", "-o", "/no/such/dir/r.md"));
        assertOneLineError("cannot write the report to /no/such/dir/r.md: no such directory /no/such/dir");
    }

    @Test
    void withoutACommandItShowsWhatThereIs() {
        assertEquals(0, turnstile());
        assertTrue(out.toString().contains("demo"), out.toString());
        assertTrue(out.toString().contains("Exit codes"), out.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, turnstile("report", "--bogus", "x.jfr"));
        assertOneLineError("see 'turnstile report --help'");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, turnstile("frobnicate"));
        assertOneLineError("frobnicate");
    }

    @Test
    void unknownFormatNamesTheChoices() {
        assertEquals(2, turnstile("report", "--format", "xml", "x.jfr"));
        assertOneLineError("unknown format 'xml' (choose " + ReportOptions.FormatConverter.choices() + ")");
        err.getBuffer().setLength(0);
        assertEquals(2, turnstile("calibrate", "--format", "md"));
        assertOneLineError("unknown format 'md' (choose text or json)");
    }

    @Test
    void calibrateRefusesAnUnknownFormatBeforeMeasuring() {
        assertEquals(2, turnstile("calibrate", "--format", "yaml"));
        assertOneLineError("unknown format 'yaml' (choose text or json)");
    }

    @Test
    void missingRecordingIsAnInputError() {
        assertEquals(2, turnstile("analyze", "/nonexistent/recording.jfr"));
        assertOneLineError("/nonexistent/recording.jfr: no such file");
    }

    @Test
    void unknownSampleNamesTheSamples() {
        assertEquals(2, turnstile("demo", "nosuch"));
        assertOneLineError("no sample named 'nosuch' (choose one of " + String.join(", ", Sample.ids()) + ")");
    }

    @Test
    void runRefusesACommandThatIsNotJava() {
        assertEquals(2, turnstile("run", "--", "python3", "app.py"));
        assertOneLineError("'python3' is not a java launcher");
    }

    @Test
    void badProfilerOptionsAreUsageErrors() {
        assertUsageError("--profiler: 'lock' is not a mode (wall, cpu, ctxsw, or off)",
                "run", "--profiler", "wall,lock", "--", "java", "-version");
        assertUsageError("--profiler: cpu and ctxsw share one sampling engine",
                "run", "--profiler", "cpu,ctxsw", "--", "java", "-version");
        assertUsageError("--wall: 'fast' is not a duration", "run", "--wall", "fast", "--", "java", "-version");
        assertUsageError("--cpu: '0ms' is not a duration", "demo", "--cpu", "0ms", "gil");
        assertUsageError("--sleep-stacks: 'no' is neither on nor off", "run", "--sleep-stacks", "no", "--", "java",
                "-version");
    }

    private void assertUsageError(String expected, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(2, turnstile(args));
        assertOneLineError(expected);
    }

    @Test
    void profilerOptionsBecomeAgentOptions() {
        RecordingOptions options = new RecordingOptions();
        options.threshold = "20us";
        options.profiler = "Wall, cpu";
        options.wall = "50ms";
        assertEquals(",threshold=20us,profiler=wall+cpu,wall=50ms", options.agentOptions());
        options.profiler = "off";
        options.threshold = null;
        options.wall = null;
        assertEquals(",profiler=off", options.agentOptions());
        options.sleepStacks = "OFF";
        assertEquals(",profiler=off,sleepstacks=off", options.agentOptions());
    }

    @Test
    void attachNeedsATargetAndADuration() {
        assertEquals(2, turnstile("attach"));
        assertOneLineError("PID|NAME");
        err.getBuffer().setLength(0);
        assertEquals(2, turnstile("attach", "1", "--duration", "soon"));
        assertOneLineError("'soon' is not a duration");
        err.getBuffer().setLength(0);
        assertEquals(2, turnstile("attach", "1", "--report", "pdf"));
        assertOneLineError("unknown format 'pdf'");
        err.getBuffer().setLength(0);
        assertEquals(2, turnstile("attach", String.valueOf(ProcessHandle.current().pid())));
        assertOneLineError("is this turnstile process");
    }

    @Test
    void demoListsItsSamples() {
        assertEquals(0, turnstile("demo", "--list"));
        assertTrue(out.toString().contains("gil-juc"), out.toString());
        assertTrue(out.toString().contains("negative control"), out.toString());
    }
}
