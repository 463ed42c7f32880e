package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.reports.Report;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.RecordingText;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a program keeps secret stays out of what Turnstile writes, on JDK 17 and 25. A program is run through
 * {@code turnstile run} with a secret in a system property on its JVM's command line, one in an environment
 * variable, one in a program argument, and children whose command lines carry secrets in every form the agent
 * redacts (SecretsProgram). Then:
 * <ul>
 * <li>the children's secrets and the environment's are nowhere in the recording: not in any string of any event,
 *     the JDK's included, nor anywhere in the file's bytes. The JDK's own process event (jdk.ProcessStart), which
 *     would hold the raw command lines, is off in Turnstile's settings; the analyzer's process view reads the agent's
 *     redacted turnstile.ProcessStart instead. The recording holds no environment variables and no system
 *     properties (jdk.InitialEnvironmentVariable, jdk.InitialSystemProperty);</li>
 * <li>the JVM's own command line (its options and the program's arguments) is in the recording only where every
 *     JFR recording has it, in jdk.JVMInformation, of which the analyzer reads the JVM's name and version alone;</li>
 * <li>none of the secrets is in any report: text, Markdown, JSON and HTML, and the outputs of diff and gate.</li>
 * </ul>
 * A program that runs a recording of its own puts the JDK's private events into Turnstile's file after all (JFR
 * shares events between recordings): the reports still show none of it, and say the file holds it.
 */
class SecretsIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String JVM_INFORMATION = "jdk.JVMInformation";
    private static final Set<String> NEVER_RECORDED = Set.of("jdk.ProcessStart", "jdk.InitialEnvironmentVariable",
            "jdk.InitialSystemProperty");

    /** A fresh random value, so a match can only come from this run. */
    private static String secret(String where) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "tsit" + where + HexFormat.of().formatHex(bytes);
    }

    /** One run of SecretsProgram under turnstile run, with the secrets it was given. */
    private record SecretsRun(Command.Outcome outcome, Path recording, String inProperty, String inEnvironment,
                              String inArgument, List<String> spawned) {

        /** @param jvmOptions more options for the program's JVM, before its own -D with a secret */
        static SecretsRun of(Jdk jdk, Path dir, String... jvmOptions) throws Exception {
            String inProperty = secret("property");
            String inEnvironment = secret("environment");
            String inArgument = secret("argument");
            Path testClasses = Path.of(SecretsProgram.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            // --format json: stdout is the report alone, the program's output goes to stderr
            List<Object> command = new ArrayList<>(List.of("run", "--format", "json", "-o", dir, "--", jdk.java()));
            command.addAll(List.of(jvmOptions));
            command.addAll(List.of("-D" + SecretsProgram.PROPERTY + "=" + inProperty, "-cp",
                    testClasses + File.pathSeparator + Artifacts.samplesJar(), SecretsProgram.class.getName(),
                    inArgument));
            Command.Outcome run = Turnstile.command(Jdks.require(17), command.toArray())
                    .env(SecretsProgram.VARIABLE, inEnvironment).run();
            assertEquals(0, run.exitCode(), run::describe);
            assertTrue(run.stderr().contains("secrets: property=true environment=true argument=true"),
                    run::describe);
            return new SecretsRun(run, Turnstile.keptRecording(run), inProperty, inEnvironment, inArgument,
                    spawnSecrets(run.stderr()));
        }

        /** The secrets that must not reach the recording: the children's and the environment's. */
        List<String> unrecorded() {
            List<String> secrets = new ArrayList<>(spawned);
            secrets.add(inEnvironment);
            return secrets;
        }

        /** The secrets that must not reach a report: all of them. */
        List<String> all() {
            List<String> secrets = new ArrayList<>(unrecorded());
            secrets.addAll(List.of(inProperty, inArgument));
            return secrets;
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theProgramsSecretsReachNoReportAndOnlyTheJvmsOwnLineOfTheRecording(int feature) throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "secrets");
        SecretsRun run = SecretsRun.of(Jdks.require(feature), dir);
        Path recording = run.recording();

        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        for (RecordedEvent event : events) {
            assertFalse(NEVER_RECORDED.contains(event.getEventType().getName()), event::toString);
        }
        List<RecordedEvent> spawns = events.stream()
                .filter(e -> e.getEventType().getName().equals("turnstile.ProcessStart")).toList();
        assertEquals(10, spawns.size(), "control: the agent recorded the spawn sample's ten spawns");
        assertTrue(spawns.stream().anyMatch(e -> e.getString("command").contains("--password ***")),
                "control: commands are recorded, redacted");

        List<String> unsaid = run.unrecorded();
        boolean jvmLineSeen = false;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            for (String value : RecordingText.strings(event)) {
                for (String secret : unsaid) {
                    assertFalse(value.contains(secret), () -> "a secret in " + type + ": " + value);
                }
                for (String ownLine : List.of(run.inProperty(), run.inArgument())) {
                    if (value.contains(ownLine)) {
                        assertEquals(JVM_INFORMATION, type, () -> "the JVM's command line in " + type + ": " + value);
                        jvmLineSeen = true;
                    }
                }
            }
        }
        assertTrue(jvmLineSeen, "control: the walk reads the strings of the JDK's events too");
        for (String secret : unsaid) {
            assertFalse(RecordingText.fileContains(recording, secret), secret + " in the file's bytes");
        }
        assertTrue(RecordingText.fileContains(recording, run.inProperty()),
                "control: the byte search finds what is there");

        Map<String, String> outputs = reports(run.outcome(), recording, dir, feature == 17);
        assertNoneHolds(outputs, run.all());
        assertTrue(outputs.get("json report").contains("/bin/sh -c") && outputs.get("json report").contains("=***"),
                "control: the report shows the commands, redacted");
        assertTrue(outputs.get("text report").contains("GilSample$Interpreter"), "control: the report shows locks");
    }

    /**
     * A program that runs a recording of its own with the JDK's default settings: JFR shares event data between the
     * recordings running in one JVM, so Turnstile's file holds the environment variables, system properties and
     * unredacted command lines those settings record. No report shows them, and every report says they are there.
     */
    @Test
    void anotherRecordingsPrivateEventsAreNotedAndNeverShown() throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "secrets-own-recording");
        SecretsRun run = SecretsRun.of(Jdks.require(17), dir,
                "-XX:StartFlightRecording:filename=" + dir.resolve("own.jfr"));
        List<String> held = RecordingFile.readAllEvents(run.recording()).stream()
                .map(e -> e.getEventType().getName()).filter(NEVER_RECORDED::contains).distinct().sorted().toList();
        assertEquals(NEVER_RECORDED.stream().sorted().toList(), held, "the program's own recording asked for them");

        Map<String, String> outputs = reports(run.outcome(), run.recording(), dir, false);
        assertNoneHolds(outputs, run.all());
        for (String format : List.of("json report", "text report", "md report", "html report")) {
            assertTrue(outputs.get(format).contains("Another recording ran in this JVM"), format + " has the note");
        }
        assertTrue(outputs.get("json report").contains("environment variables (jdk.InitialEnvironmentVariable)"),
                outputs.get("json report"));
    }

    private static void assertNoneHolds(Map<String, String> outputs, List<String> secrets) {
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            for (String secret : secrets) {
                assertFalse(output.getValue().contains(secret), () -> secret + " in the " + output.getKey());
            }
        }
    }

    /** Every report of the recording, by name: those turnstile run wrote and, if asked, those of diff and gate. */
    private static Map<String, String> reports(Command.Outcome run, Path recording, Path dir, boolean withDiffAndGate)
            throws Exception {
        Jdk cli = Jdks.require(17);
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("json report", run.stdout());
        outputs.put("html report", Files.readString(Reporting.htmlNextTo(recording)));
        Analysis analysis = new Analyzer().analyze(recording);
        for (Report.Format format : Report.Format.values()) {
            StringWriter out = new StringWriter();
            Report.of(format, "it").write(analysis, out);
            outputs.put(format.userName() + " report", out.toString());
        }
        if (!withDiffAndGate) {
            return outputs;
        }
        Path json = Files.writeString(dir.resolve("report.json"), run.stdout());
        for (String format : List.of("text", "md", "json")) {
            Command.Outcome diff = Turnstile.on(cli, "diff", json, recording, "--format", format);
            assertEquals(0, diff.exitCode(), diff::describe);
            outputs.put("diff in " + format, diff.stdout() + diff.stderr());
        }
        // forbids what the gil sample shows (TS101, or TS102 on a busy machine), so the verdict has findings to name
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "forbid:\n  - TS101\n  - TS102\n");
        Path xml = dir.resolve("gate.xml");
        Path summary = dir.resolve("gate.md");
        Command.Outcome gate = Turnstile.on(cli, "gate", recording, "--rules", rules, "--junit-xml", xml, "--summary",
                summary);
        assertTrue(gate.exitCode() <= 1, gate::describe);
        outputs.put("gate output", gate.stdout() + gate.stderr());
        outputs.put("gate JUnit XML", Files.readString(xml));
        outputs.put("gate summary", Files.readString(summary));
        return outputs;
    }

    /** The spawn sample's secrets, from its truth line (on stderr, as the program's output is with --format json). */
    private static List<String> spawnSecrets(String output) {
        String truth = output.lines().filter(l -> l.startsWith("truth: sample=spawn ")).findFirst()
                .orElseThrow(() -> new AssertionError("the spawn sample printed no truth:\n" + output));
        String secrets = truth.replaceAll(".* secrets=(\\S+).*", "$1");
        List<String> list = List.of(secrets.split(","));
        assertTrue(list.size() >= 30, "the sample used its secrets: " + list);
        return list;
    }
}
