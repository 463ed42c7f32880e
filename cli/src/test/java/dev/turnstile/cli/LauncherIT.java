package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** bin/turnstile, the README's main job: works from any directory, through a symlink too. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("turnstile.launcher")).toAbsolutePath().normalize();

    @Test
    void runsTheDemoFromAnotherDirectory() throws Exception {
        Path elsewhere = Files.createTempDirectory(Artifacts.outputDirectory(), "elsewhere");
        Command.Outcome outcome = Command.of(LAUNCHER, "demo", "--seconds", 2).in(elsewhere)
                .timeout(Duration.ofMinutes(2)).run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().contains("TS101"), outcome::describe);
        assertTrue(outcome.stdout().contains("critical section: dev.turnstile.samples.GilSample$Interpreter.execute"),
                outcome::describe);
        for (String kept : new String[] {".jfr", ".html"}) {
            try (var files = Files.list(elsewhere)) {
                assertEquals(1, files.map(p -> p.getFileName().toString())
                        .filter(name -> name.startsWith("turnstile-demo-gil-") && name.endsWith(kept)).count(),
                        "the recording and its HTML report are kept in the working directory: " + kept);
            }
        }
    }

    /**
     * A recording too large for the heap gives one line saying how to give the CLI more, which TURNSTILE_OPTS does;
     * the recording stays as it was. A tiny heap stands in for a huge recording.
     */
    @Test
    void aHeapTooSmallGivesOneLineAndTurnstileOptsGivesMore() throws Exception {
        Path recording = SampleRecording.of(Jdks.require(17), "churn").file();
        long size = Files.size(recording);
        Command.Outcome starved = Command.of(LAUNCHER, "report", recording, "--format", "json")
                .env("TURNSTILE_OPTS", "-Xms2m -Xmx6m").timeout(Duration.ofMinutes(2)).run();
        Turnstile.assertInputError(starved, "ran out of memory (heap limit 6 MB); give it more, e.g."
                + " TURNSTILE_OPTS=-Xmx4g");
        assertEquals(size, Files.size(recording), "the recording is unchanged");

        Command.Outcome fed = Command.of(LAUNCHER, "report", recording, "--format", "json")
                .env("TURNSTILE_OPTS", "-Xms2m -Xmx256m").timeout(Duration.ofMinutes(2)).run();
        assertEquals(0, fed.exitCode(), fed::describe);
    }

    @Test
    void worksThroughASymlink() throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "link");
        Path link = Files.createSymbolicLink(dir.resolve("turnstile"), LAUNCHER);
        Command.Outcome outcome = Command.of(link, "--version").in(dir).run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().startsWith("turnstile 0."), outcome::describe);
    }
}
