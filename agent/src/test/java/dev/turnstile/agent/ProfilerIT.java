package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * async-profiler inside the agent: its wall-clock and CPU samples end up in the one recording beside every event of
 * the agent and the JDK, however the JVM exits, and a profiler that cannot load leaves the program as it was, with
 * the JDK's execution samples instead. Each program runs with a temporary folder of its own, which must be empty
 * after the run: the profiler's private folder is removed at exit.
 */
class ProfilerIT {
    private static final String WALL = "profiler.WallClockSample";
    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    /** async-profiler's chunk declares no JDK event settings; the JDK's own event types always have some. */
    private static boolean fromProfiler(RecordedEvent event) {
        return event.getEventType().getSettingDescriptors().isEmpty();
    }

    private static String sampledThread(RecordedEvent event) {
        RecordedThread thread = event.getValue("sampledThread");
        return thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
    }

    private static Path newTemp(String name) throws Exception {
        return Files.createTempDirectory(Artifacts.outputDirectory(), name);
    }

    private static List<Object> sampleCommand(Jdk jdk, Path temp, String agentOptions, String sample, double seconds) {
        return List.of(jdk.java(), "-Djava.io.tmpdir=" + temp, "-Xbootclasspath/a:" + Artifacts.agentJar(),
                "-javaagent:" + Artifacts.agentJar() + "=" + agentOptions,
                "-cp", Artifacts.samplesJar(), "dev.turnstile.samples.SampleMain", sample, "--seconds", seconds);
    }

    private static void assertNoProfilerFolderLeft(Path temp) throws Exception {
        try (Stream<Path> left = Files.list(temp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("turnstile-profiler-")),
                    "the profiler's temporary folder is removed at exit");
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void samplesJoinTheRecordingBesideTheAgentsAndTheJdksEvents(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path temp = newTemp("profiler-on");
        Path file = temp.resolveSibling(temp.getFileName() + ".jfr");
        Command.Outcome outcome = Command.of(sampleCommand(jdk, temp, "file=" + file, "gil-juc", 2).toArray())
                .timeout(Duration.ofSeconds(90)).run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().startsWith("truth: sample=gil-juc"), outcome::describe);
        assertEquals("", outcome.stderr().strip(), "nothing on the program's stderr, no native-access warning either");

        Recorded recorded = Recorded.read(file);
        RecordedEvent start = recorded.named("turnstile.ProfilerStart").get(0);
        assertTrue(start.getBoolean("started"), start::toString);
        assertEquals("wall=20ms,cpu=10ms", start.getString("modes"));
        assertEquals("4.5", start.getString("version"));
        assertFalse(start.getBoolean("jdkExecutionSamples"));

        List<RecordedEvent> wall = recorded.named(WALL);
        assertTrue(wall.stream().filter(e -> sampledThread(e).startsWith("gil-juc-worker")).count() >= 20,
                "wall-clock samples of the workers: " + wall.size());
        List<RecordedEvent> cpu = recorded.named(EXECUTION_SAMPLE);
        assertTrue(cpu.size() >= 10, "CPU samples: " + cpu.size());
        assertTrue(cpu.stream().allMatch(ProfilerIT::fromProfiler), "only async-profiler's CPU samples, not the JDK's");

        // everything else is there as without the profiler
        assertEquals(1, recorded.named("turnstile.AgentStart").size());
        assertFalse(recorded.named("turnstile.AgentStatistics").isEmpty());
        assertFalse(recorded.named("turnstile.LockStatistics").isEmpty());
        assertTrue(recorded.named("turnstile.LockWait").size() >= 50, "lock waits");
        assertFalse(recorded.named("jdk.ThreadCPULoad").isEmpty());
        assertFalse(recorded.named("jdk.JVMInformation").isEmpty());
        assertNoProfilerFolderLeft(temp);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aLibraryThatCannotLoadLeavesTheProgramAsItWasWithTheJdksSamples(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path temp = newTemp("profiler-fails");
        Path file = temp.resolveSibling(temp.getFileName() + ".jfr");
        Command.Outcome outcome = Command.of(sampleCommand(jdk, temp, "file=" + file + ",profiler.lib=/nonexistent/lib.so",
                "gil-juc", 1.5).toArray()).timeout(Duration.ofSeconds(90)).run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().startsWith("truth: sample=gil-juc"), outcome::describe);
        assertEquals("", outcome.stderr().strip(), outcome::describe);

        Recorded recorded = Recorded.read(file);
        RecordedEvent start = recorded.named("turnstile.ProfilerStart").get(0);
        assertFalse(start.getBoolean("started"));
        assertTrue(start.getString("failure").contains("/nonexistent/lib.so"), start::toString);
        assertTrue(start.getBoolean("jdkExecutionSamples"));
        assertTrue(recorded.named(WALL).isEmpty());
        List<RecordedEvent> cpu = recorded.named(EXECUTION_SAMPLE);
        assertTrue(cpu.size() >= 5, "the JDK's execution samples instead: " + cpu.size());
        assertTrue(cpu.stream().noneMatch(ProfilerIT::fromProfiler));
        assertTrue(recorded.named("turnstile.LockWait").size() >= 20, "lock waits");
        assertNoProfilerFolderLeft(temp);
    }

    @Test
    void systemExitStillAddsTheSamples() throws Exception {
        Jdk jdk = Jdks.require(17);
        Path temp = newTemp("profiler-exit");
        Path file = temp.resolveSibling(temp.getFileName() + ".jfr");
        Command.Outcome outcome = Command.of(jdk.java(), "-Djava.io.tmpdir=" + temp, "-Xbootclasspath/a:"
                + Artifacts.agentJar(), "-javaagent:" + Artifacts.agentJar() + "=file=" + file, "-cp", TruthLines.testClasses(),
                "dev.turnstile.programs.ExitMidway", "2500").timeout(Duration.ofSeconds(90)).run();
        assertEquals(7, outcome.exitCode(), outcome::describe);

        Recorded recorded = Recorded.read(file);
        assertTrue(recorded.named(WALL).stream().anyMatch(e -> sampledThread(e).startsWith("exit-worker")),
                "wall-clock samples of the workers");
        assertFalse(recorded.named("turnstile.LockWait").isEmpty());
        assertNoProfilerFolderLeft(temp);
    }

    @Test
    void sigtermStillAddsTheSamples() throws Exception {
        Jdk jdk = Jdks.require(25);
        Path temp = newTemp("profiler-term");
        Path file = temp.resolveSibling(temp.getFileName() + ".jfr");
        Process program = new ProcessBuilder(jdk.java().toString(), "-Djava.io.tmpdir=" + temp,
                "-Xbootclasspath/a:" + Artifacts.agentJar(), "-javaagent:" + Artifacts.agentJar() + "=file=" + file,
                "-cp", TruthLines.testClasses().toString(), "dev.turnstile.programs.ExitMidway", "600000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(program.getInputStream()))) {
            assertEquals("running", out.readLine(), "the program started");
            Thread.sleep(1500);
            program.destroy(); // SIGTERM
            assertTrue(program.waitFor(60, TimeUnit.SECONDS), "the program did not stop");
        } finally {
            program.destroyForcibly();
        }
        assertEquals(143, program.exitValue(), "ended by SIGTERM");

        Recorded recorded = Recorded.read(file);
        assertTrue(recorded.named(WALL).stream().anyMatch(e -> sampledThread(e).startsWith("exit-worker")),
                "wall-clock samples of the workers");
        assertFalse(recorded.named("turnstile.LockWait").isEmpty());
        assertNoProfilerFolderLeft(temp);
    }
}
