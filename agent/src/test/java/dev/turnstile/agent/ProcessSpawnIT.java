package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.RecordingText;
import dev.turnstile.testkit.SampleRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spawn sample under the agent, on JDK 17 and 25: every child it started, the one that failed, their exits,
 * and not one of the secrets in its command lines anywhere in the recording.
 */
class ProcessSpawnIT {
    private static final String SAMPLE_CLASS = "dev.turnstile.samples.SpawnSample";

    /** One child as the sample saw it: pid, the exit code Process.waitFor() gave, the method that started it. */
    private record Child(long pid, int exitCode, String method) {
    }

    /** The recording's process events, and the sample's truth about the same run. */
    private record Spawns(SampleRecording recording, List<RecordedEvent> starts, List<RecordedEvent> exits,
                          List<RecordedEvent> all, Map<Long, Child> children) {

        static Spawns of(int feature) throws Exception {
            SampleRecording recording = SampleRecording.of(Jdks.require(feature), "spawn");
            List<RecordedEvent> all = RecordingFile.readAllEvents(recording.file());
            Map<Long, Child> children = new LinkedHashMap<>();
            for (String entry : recording.truth().get("children").split(",")) {
                String[] parts = entry.split(":");
                Child child = new Child(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), parts[2]);
                children.put(child.pid(), child);
            }
            return new Spawns(recording, named(all, "turnstile.ProcessStart"), named(all, "turnstile.ProcessExit"),
                    all, children);
        }

        private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
            return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
        }

        int truth(String key) {
            return (int) recording.truthDouble(key);
        }

        List<RecordedEvent> startedChildren() {
            return starts.stream().filter(e -> e.getLong("pid") >= 0).toList();
        }

        RecordedEvent failedSpawn() {
            List<RecordedEvent> failed = starts.stream().filter(e -> e.getLong("pid") == -1).toList();
            assertEquals(1, failed.size(), "one failed spawn: " + failed);
            return failed.get(0);
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void everySpawnIsRecordedOnceWithItsPid(int feature) throws Exception {
        Spawns spawns = Spawns.of(feature);
        assertEquals(spawns.truth("spawns"), spawns.starts().size(), "start events: " + spawns.starts());
        assertEquals(spawns.truth("started"), spawns.startedChildren().size());
        assertEquals(spawns.truth("failed"), spawns.starts().size() - spawns.startedChildren().size());
        assertEquals(spawns.children().keySet(),
                spawns.startedChildren().stream().map(e -> e.getLong("pid")).collect(Collectors.toSet()),
                "the pids are those of the sample's real children, each once");
        for (RecordedEvent start : spawns.starts()) {
            assertTrue(start.getDuration().compareTo(Duration.ZERO) > 0, "spawn latency > 0: " + start);
            assertEquals("main", start.getThread().getJavaName(), "recorded on the spawning thread");
        }
        assertTrue(spawns.all().stream().noneMatch(e -> e.getEventType().getName().equals("jdk.ProcessStart")),
                "the JDK's unredacted process event is off");
        String modules = spawns.all().stream().filter(e -> e.getEventType().getName().equals("turnstile.AgentStart"))
                .findFirst().orElseThrow().getString("modules");
        assertTrue(Arrays.asList(modules.split(",")).contains("processes"), modules);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void everyExitHasTheChildsCodeAndLifetime(int feature) throws Exception {
        Spawns spawns = Spawns.of(feature);
        assertEquals(spawns.truth("started"), spawns.exits().size(), "exit events: " + spawns.exits());
        Duration childSleep = Duration.ofMillis(spawns.truth("childSleepMs"));
        Map<Long, String> commands = spawns.startedChildren().stream()
                .collect(Collectors.toMap(e -> e.getLong("pid"), e -> e.getString("command")));
        for (RecordedEvent exit : spawns.exits()) {
            Child child = spawns.children().get(exit.getLong("pid"));
            assertNotNull(child, "exit of a child the sample started: " + exit);
            assertEquals(child.exitCode(), exit.getInt("exitCode"), "exit code of " + child);
            Duration lifetime = exit.getDuration("lifetime");
            assertTrue(lifetime.compareTo(childSleep) >= 0, child + " lived " + lifetime + ", slept " + childSleep);
            assertTrue(lifetime.compareTo(Duration.ofSeconds(30)) < 0, child + " lived " + lifetime);
            assertEquals(commands.get(child.pid()), exit.getString("command"), "the same redacted command");
        }
        assertEquals(spawns.children().size(),
                spawns.exits().stream().map(e -> e.getLong("pid")).distinct().count(), "one exit per child");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theFailedSpawnIsRecordedAndTheProgramStillGotItsException(int feature) throws Exception {
        Spawns spawns = Spawns.of(feature);
        RecordedEvent failed = spawns.failedSpawn();
        String program = spawns.recording().truth().get("missingProgram");
        String exception = spawns.recording().truth().get("failure");
        assertEquals("java.io.IOException", exception, "the program caught the spawn's own exception");
        assertEquals(0, spawns.recording().outcome().exitCode());
        String failure = failed.getString("failure");
        assertTrue(failure.startsWith(exception + ": Cannot run program \"" + program + "\""), failure);
        assertTrue(failed.getString("command").startsWith(program + " --password *** "), failed.getString("command"));
        assertTrue(spawns.exits().stream().noneMatch(e -> e.getLong("pid") == -1), "no exit for what never ran");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theStackNamesTheSpawningMethodAndTheDirectoryIsKept(int feature) throws Exception {
        Spawns spawns = Spawns.of(feature);
        for (RecordedEvent start : spawns.starts()) {
            long pid = start.getLong("pid");
            String expected = pid == -1 ? spawns.recording().truth().get("failureMethod")
                    : spawns.children().get(pid).method();
            List<RecordedFrame> frames = start.getStackTrace().getFrames();
            Optional<RecordedFrame> caller = frames.stream()
                    .filter(f -> f.getMethod().getType().getName().equals(SAMPLE_CLASS)).findFirst();
            assertTrue(caller.isPresent(), "the sample is on the stack: " + describe(frames));
            assertEquals(expected, caller.get().getMethod().getName(), "spawning method of pid " + pid);
            RecordedFrame firstOfJdk = frames.stream()
                    .filter(f -> !f.getMethod().getType().getName().startsWith("dev.turnstile.agent.")).findFirst()
                    .orElseThrow();
            assertEquals("java.lang.ProcessBuilder.start",
                    firstOfJdk.getMethod().getType().getName() + "." + firstOfJdk.getMethod().getName());
        }
        long directoryPid = (long) spawns.recording().truthDouble("directoryPid");
        for (RecordedEvent start : spawns.starts()) {
            if (start.getLong("pid") == directoryPid) {
                assertEquals(spawns.recording().truth().get("directory"), start.getString("directory"));
            } else {
                assertNull(start.getString("directory"), "inherited directory: " + start);
            }
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void noSecretReachesTheRecording(int feature) throws Exception {
        Spawns spawns = Spawns.of(feature);
        List<String> secrets = List.of(spawns.recording().truth().get("secrets").split(","));
        assertTrue(secrets.size() >= 30, "the sample used its secrets: " + secrets);

        List<String> strings = new ArrayList<>();
        for (RecordedEvent event : spawns.all()) {
            strings.addAll(RecordingText.strings(event));
        }
        for (String secret : secrets) {
            for (String value : strings) {
                assertFalse(value.contains(secret), () -> "secret " + secret + " recorded in: " + value);
            }
        }
        for (String secret : secrets) {
            assertFalse(RecordingText.fileContains(spawns.recording().file(), secret), secret + " in the file's bytes");
        }
        // The byte search finds what is there: the redacted commands keep what is not secret.
        String program = spawns.recording().truth().get("missingProgram");
        assertTrue(RecordingText.fileContains(spawns.recording().file(), program),
                "control: the program name is found");
        assertTrue(strings.stream().anyMatch(s -> s.contains("sleep 0.05; exit 42") && s.contains("--password ***")),
                "control: commands are recorded, redacted");
    }

    /**
     * A program that starts no process runs as without the agent: the module's start-up does not initialize the
     * JDK's process machinery (whose initializer sets up the reaper's thread pool).
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aProgramThatSpawnsNothingKeepsTheJdksProcessMachineryAsleep(int feature) throws Exception {
        Path file = Files.createTempDirectory(Artifacts.outputDirectory(), "no-spawn").resolve("r.jfr");
        Command.Outcome outcome = Command.of(Jdks.require(feature).java(), "-Xlog:class+init=info",
                "-javaagent:" + Artifacts.agentJar() + "=file=" + file, "-cp", Artifacts.samplesJar(),
                "dev.turnstile.samples.SampleMain", "parallel", "--seconds", "0.3").run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().contains("Initializing 'dev/turnstile/agent/bridge/Spawns'"),
                "control: the log shows the module's switch being set up");
        assertFalse(outcome.stdout().contains("Initializing 'java/lang/ProcessHandleImpl'"),
                "the JDK's process handles were initialized by the agent");
    }

    private static String describe(List<RecordedFrame> frames) {
        return frames.stream().map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                .collect(Collectors.joining(" <- "));
    }
}
