package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.DamagedRecording;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the real CLI process: exit code 2 and one line on stderr, never a stack trace; a damaged recording gives
 * a report or such a line.
 */
class BadInputIT {

    private static Path file(String name, byte[] content) throws Exception {
        return Files.write(Files.createTempDirectory(Artifacts.outputDirectory(), "bad").resolve(name), content);
    }

    @Test
    void missingFile() {
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "analyze", "/no/such/file.jfr"),
                "/no/such/file.jfr: no such file");
    }

    @Test
    void emptyFile() throws Exception {
        Path empty = file("empty.jfr", new byte[0]);
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "analyze", empty), "is empty, not a JFR recording");
    }

    @Test
    void foreignFile() throws Exception {
        Path text = file("notes.jfr", "not a recording at all".getBytes());
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "analyze", text), "is not a JFR recording");
    }

    @Test
    void truncatedRecording() throws Exception {
        byte[] whole = Files.readAllBytes(SampleRecording.of(Jdks.require(17), "parallel").file());
        Path cut = file("cut.jfr", Arrays.copyOf(whole, whole.length / 2));
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "analyze", cut), "is truncated or corrupt");
    }

    @Test
    void directoryInsteadOfARecording() throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "dir");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "analyze", dir), "is a directory");
    }

    @Test
    void truncatedRecordingOnTheReportCommand() throws Exception {
        byte[] whole = Files.readAllBytes(SampleRecording.of(Jdks.require(17), "parallel").file());
        Path cut = file("cut-for-md.jfr", Arrays.copyOf(whole, whole.length / 3));
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "report", cut, "--format", "md"),
                "is truncated or corrupt");
    }

    @Test
    void reportNowhereToGo() throws Exception {
        Path recording = SampleRecording.of(Jdks.require(17), "parallel").file();
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "out");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "report", recording, "-o", dir),
                "cannot write the report to " + dir + ": it is a directory");
        Path underAFile = recording.resolve("report.md");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "report", recording, "-o", underAFile),
                "cannot write the report to " + underAFile + ": no such directory");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "report", recording, "--format", "pdf"),
                "unknown format 'pdf'");
    }

    private static final String[] FORMATS = {"text", "md", "json", "html"};

    /** In every format: a report on stdout, or one line naming the file with exit code 2; never a stack trace. */
    private static void assertReportOrOneLine(Path recording) {
        for (String format : FORMATS) {
            Command.Outcome outcome = Turnstile.command(Jdks.require(17), "report", recording, "--format", format)
                    .timeout(Duration.ofSeconds(90)).run();
            if (outcome.exitCode() == 0) {
                assertFalse(outcome.stdout().isBlank(), outcome::describe);
                assertFalse(outcome.stderr().contains("Exception"), outcome::describe);
            } else {
                Turnstile.assertInputError(outcome, recording.toString());
            }
        }
    }

    /** Noise in the middle of a chunk, and a chunk header that lies about its size (the analyzer's IT has more). */
    @Test
    void damagedRecordingsInEveryFormat() throws Exception {
        byte[] whole = Files.readAllBytes(SampleRecording.of(Jdks.require(17), "parallel").file());
        long size = java.nio.ByteBuffer.wrap(whole).getLong(8);
        assertReportOrOneLine(file("noise.jfr", DamagedRecording.blockOfNoise(whole, 1)));
        assertReportOrOneLine(file("size.jfr", DamagedRecording.firstChunkSize(whole, size * 2)));
    }

    /** A chunk that says it is empty (the JDK's parser would loop on it), and a field's name damaged in the metadata. */
    @Test
    void damageTheJdksParserDoesNotSurviveOnItsOwn() throws Exception {
        byte[] whole = Files.readAllBytes(SampleRecording.of(Jdks.require(17), "parallel").file());
        assertReportOrOneLine(file("size-0.jfr", DamagedRecording.firstChunkSize(whole, 0)));
        assertReportOrOneLine(file("renamed.jfr", DamagedRecording.renamed(whole, "agentVersion")));
    }

    /** Waits 1,500 frames deep, recorded whole (JFR's stackdepth=2048): every format reports the lock. */
    @Test
    void deepStacksInEveryFormat() {
        SampleRecording deep = SampleRecording.withJvmOptions(Jdks.require(17), "deepstack", "stackdepth2048",
                "-XX:FlightRecorderOptions:stackdepth=2048");
        for (String format : FORMATS) {
            Command.Outcome outcome = Turnstile.on(Jdks.require(17), "report", deep.file(), "--format", format);
            assertEquals(0, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.stdout().contains("DeepStackSample"), () -> format + ": the lock is not named\n"
                    + outcome.describe());
            assertFalse(outcome.stderr().contains("Exception"), outcome::describe);
        }
    }

    @Test
    void usageErrors() {
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "analyze"), "Missing required parameter");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "nosuchcommand"), "nosuchcommand");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "demo", "--seconds", "soon"), "soon");
    }
}
