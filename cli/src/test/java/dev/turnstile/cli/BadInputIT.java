package dev.turnstile.cli;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad input to the real CLI process: exit code 2 and one line on stderr, never a stack trace. */
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

    @Test
    void usageErrors() {
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "analyze"), "Missing required parameter");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "nosuchcommand"), "nosuchcommand");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "demo", "--seconds", "soon"), "soon");
    }
}
