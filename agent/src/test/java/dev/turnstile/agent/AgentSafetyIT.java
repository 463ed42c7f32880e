package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent used directly with -javaagent never stops or changes the program it watches, on 17 and 25. */
class AgentSafetyIT {

    private static Command.Outcome sample(Jdk jdk, String... jvmOptions) {
        List<Object> command = new ArrayList<>(List.of(jdk.java()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", Artifacts.samplesJar(), "dev.turnstile.samples.SampleMain", "gil-juc",
                "--seconds", "0.5"));
        return Command.of(command.toArray()).run();
    }

    private static void assertProgramRanNormally(Command.Outcome outcome) {
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().startsWith("truth: sample=gil-juc"), outcome::describe);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void anUnwritableRecordingPathLeavesTheProgramRunning(int feature) {
        Command.Outcome outcome = sample(Jdks.require(feature),
                "-javaagent:" + Artifacts.agentJar() + "=file=/proc/no-such-dir/r.jfr");
        assertProgramRanNormally(outcome);
        assertTrue(outcome.stderr().lines().anyMatch(l -> l.startsWith("turnstile: agent not started: ")),
                outcome::describe);
        assertTrue(outcome.stderr().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void badOptionsAreReportedAndRecordingGoesOn(int feature) throws Exception {
        Path file = Files.createTempDirectory(Artifacts.outputDirectory(), "opts").resolve("r.jfr");
        Command.Outcome outcome = sample(Jdks.require(feature),
                "-javaagent:" + Artifacts.agentJar() + "=file=" + file + ",threshold=soon,colour=blue");
        assertProgramRanNormally(outcome);
        assertTrue(outcome.stderr().contains("turnstile: ignoring threshold=soon"), outcome::describe);
        assertTrue(outcome.stderr().contains("turnstile: ignoring unknown option 'colour'"), outcome::describe);
        assertTrue(Files.size(file) > 0, "recorded anyway");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aSecondAgentLoadIsIgnored(int feature) throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "twice");
        Command.Outcome outcome = sample(Jdks.require(feature),
                "-javaagent:" + Artifacts.agentJar() + "=file=" + dir.resolve("first.jfr"),
                "-javaagent:" + Artifacts.agentJar() + "=file=" + dir.resolve("second.jfr"));
        assertProgramRanNormally(outcome);
        assertTrue(outcome.stderr().contains("turnstile: already recording in this JVM"), outcome::describe);
        assertTrue(Files.isRegularFile(dir.resolve("first.jfr")));
        assertTrue(Files.notExists(dir.resolve("second.jfr")));
    }
}
