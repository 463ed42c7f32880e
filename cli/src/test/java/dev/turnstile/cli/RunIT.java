package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `turnstile run`: any java command line, recorded until it exits and analyzed. */
class RunIT {

    private static List<Object> sample(Jdk jdk, String name, double seconds) {
        return List.of(jdk.java(), "-cp", Artifacts.samplesJar(), "dev.turnstile.samples.SampleMain", name,
                "--seconds", seconds);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void recordsAndAnalyzesAJavaProgramOnEachJdk(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "run");
        List<Object> args = new java.util.ArrayList<>(List.of("run", "-o", dir, "--"));
        args.addAll(sample(jdk, "gil-juc", 2));
        Command.Outcome outcome = Turnstile.on(Jdks.require(17), args.toArray());

        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().contains("truth: sample=gil-juc"), "the program's own output passes through");
        assertTrue(outcome.stdout().contains("TS101"), outcome::describe);
        assertTrue(outcome.stdout().contains("OpenJDK 64-Bit Server VM " + feature + "."), outcome::describe);
        Path recording = Turnstile.keptRecording(outcome);
        assertTrue(recording.getFileName().toString().startsWith("turnstile-SampleMain-"), recording.toString());
    }

    @Test
    void theProgramsCommandNeedsNoDoubleDash() throws Exception {
        Jdk jdk = Jdks.require(17);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "run-nodash");
        List<Object> args = new java.util.ArrayList<>(List.of("run", "-o", dir));
        args.addAll(sample(jdk, "parallel", 1));
        Command.Outcome outcome = Turnstile.on(jdk, args.toArray());
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().contains("No findings"), outcome::describe);
    }

    @Test
    void aFailingProgramIsStillAnalyzedAndItsExitCodeReported() throws Exception {
        Jdk jdk = Jdks.require(17);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "run-fail");
        // An unknown sample name makes the sample program exit with code 2 right away.
        Command.Outcome outcome = Turnstile.on(jdk, "run", "-o", dir, "--", jdk.java(), "-cp", Artifacts.samplesJar(),
                "dev.turnstile.samples.SampleMain", "no-such-sample");
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stderr().contains("turnstile: the program exited with code 2"), outcome::describe);
        Turnstile.keptRecording(outcome);
    }

    /** Without the jdk.jfr module there is nothing to record into: the program runs, turnstile says why. */
    @Test
    void aJvmWithoutJfrRunsTheProgramAndSaysWhyNothingWasRecorded() throws Exception {
        Jdk jdk = Jdks.require(17);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "run-nojfr");
        Command.Outcome outcome = Turnstile.on(jdk, "run", "-o", dir, "--", jdk.java(), "--limit-modules",
                "java.base,java.instrument", "-cp", Artifacts.samplesJar(), "dev.turnstile.samples.SampleMain",
                "parallel", "--seconds", "0.5");
        assertEquals(2, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().contains("truth: sample=parallel"), "the program ran: " + outcome.describe());
        List<String> ours = outcome.stderr().lines().filter(l -> l.startsWith("turnstile: ")).toList();
        assertEquals(2, ours.size(), outcome::describe);
        assertTrue(ours.get(0).startsWith("turnstile: agent not started: "), outcome::describe);
        assertTrue(ours.get(1).contains("no recording was written"), outcome::describe);
        assertTrue(outcome.stderr().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace");
    }

    @Test
    void aProgramThatCannotStartIsAnInputError() throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "run-nostart");
        Turnstile.assertInputError(Turnstile.on(Jdks.require(17), "run", "-o", dir, "--", "/no/such/java", "-version"),
                "cannot start /no/such/java");
    }

    @Test
    void anUnwritableOutputDirectoryIsAnInputError() throws Exception {
        Path file = Files.createTempFile(Artifacts.outputDirectory(), "not-a-dir", ".txt");
        Jdk jdk = Jdks.require(17);
        Turnstile.assertInputError(Turnstile.on(jdk, "run", "-o", file.resolve("sub"), "--", jdk.java(), "-version"),
                "cannot create the output directory");
    }

    /** SIGTERM to turnstile stops the program too, which still writes its recording. */
    @Test
    void terminatingTurnstileKeepsTheProgramsRecording() throws Exception {
        Jdk jdk = Jdks.require(17);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "run-term");
        Process turnstile = start(jdk, dir, "gil", "sh", "-c");
        awaitRecording(turnstile);
        new ProcessBuilder("kill", "-TERM", String.valueOf(turnstile.pid())).start().waitFor();
        assertTrue(turnstile.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "turnstile did not stop");
        String err = new String(turnstile.getErrorStream().readAllBytes());
        assertTrue(err.contains("turnstile: stopped; recording kept: "), err);
        try (var files = Files.list(dir)) {
            Path recording = files.filter(p -> p.toString().endsWith(".jfr")).findFirst().orElseThrow();
            assertTrue(Files.size(recording) > 0);
        }
    }

    /** Ctrl-C stops the program, and turnstile goes on to analyze what it recorded. */
    @Test
    void interruptingTurnstileStopsTheProgramAndStillReports() throws Exception {
        Assumptions.assumeTrue(envCanResetSignals(), "this system's env cannot reset SIGINT to its default");
        Jdk jdk = Jdks.require(17);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "run-int");
        // A background job starts with SIGINT ignored; env --default-signal restores it as in a terminal.
        Process turnstile = start(jdk, dir, "gil", "env", "--default-signal=INT");
        awaitRecording(turnstile);
        new ProcessBuilder("kill", "-INT", String.valueOf(turnstile.pid())).start().waitFor();
        assertTrue(turnstile.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "turnstile did not stop");
        String out = new String(turnstile.getInputStream().readAllBytes());
        String err = new String(turnstile.getErrorStream().readAllBytes());
        assertEquals(0, turnstile.exitValue(), err);
        assertTrue(out.contains("TS101"), out + err);
        assertTrue(err.contains("recording kept: "), err);
    }

    /**
     * Waits until the program under turnstile records: JFR names its repository folder after the process id. A fixed
     * delay is not enough on a loaded machine, where the program can take seconds to get there. Then as long as the
     * demo runs (3 s), so the sample has contended for a while: async-profiler's start takes a fixed share of the CPU
     * early on, and after 1.5 s a loaded machine had not always queued enough threads to call it serialisation.
     */
    private static void awaitRecording(Process turnstile) throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            List<Long> children = turnstile.descendants().map(ProcessHandle::pid).toList();
            try (var entries = Files.list(temp)) {
                if (entries.anyMatch(p -> children.stream().anyMatch(pid -> p.getFileName().toString().endsWith("_" + pid)))) {
                    Thread.sleep(3000);
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the program under turnstile never started recording");
    }

    private static Process start(Jdk jdk, Path dir, String sample, String... wrapper) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        String turnstile = String.join(" ", jdk.java().toString(), "-jar", Artifacts.cliJar().toString(), "run", "-o",
                dir.toString(), "--", jdk.java().toString(), "-cp", Artifacts.samplesJar().toString(),
                "dev.turnstile.samples.SampleMain", sample, "--seconds", "60");
        command.addAll(List.of(wrapper));
        if (wrapper[0].equals("sh")) {
            command.add("exec " + turnstile);
        } else {
            command.addAll(List.of(turnstile.split(" ")));
        }
        return new ProcessBuilder(command).start();
    }

    private static boolean envCanResetSignals() {
        Command.Outcome probe = Command.of("env", "--default-signal=INT", "true").timeout(Duration.ofSeconds(10)).run();
        return probe.exitCode() == 0;
    }
}
