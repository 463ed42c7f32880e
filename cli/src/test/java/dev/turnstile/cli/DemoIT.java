package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** `turnstile demo` end to end: the sample runs under the agent on the JDK turnstile runs on, and is analyzed. */
class DemoIT {

    @ParameterizedTest(name = "{0} on JDK {1}")
    @CsvSource({
        "gil,     17, dev.turnstile.samples.GilSample$Interpreter, dev.turnstile.samples.GilSample$Interpreter.execute:",
        "gil,     25, dev.turnstile.samples.GilSample$Interpreter, dev.turnstile.samples.GilSample$Interpreter.execute:",
        "gil-juc, 17, java.util.concurrent.locks.ReentrantLock, dev.turnstile.samples.GilJucSample$Interpreter.execute:",
        "gil-juc, 25, java.util.concurrent.locks.ReentrantLock, dev.turnstile.samples.GilJucSample$Interpreter.execute:"
    })
    void namesTheSerialisingLockAndItsCriticalSection(String sample, int feature, String lockClass,
                                                      String criticalSection) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "demo-" + sample);
        // The demo's own length (3 s), as users run it: async-profiler's start takes a fixed share of the CPU, which
        // in 2 s on a loaded machine once left the workers too little time to queue (TS102 instead of TS101).
        Command.Outcome outcome = Turnstile.on(jdk, "demo", sample, "-o", dir);

        assertEquals(0, outcome.exitCode(), outcome::describe);
        String report = outcome.stdout();
        assertTrue(report.contains("CRITICAL TS101  GIL-style serialisation: 8 threads take turns"), report);
        assertTrue(report.contains("lock: " + lockClass + "@"), report);
        assertTrue(report.contains("critical section: " + criticalSection), report);
        assertTrue(report.contains("agent "), report);
        Path recording = Turnstile.keptRecording(outcome);
        assertEquals(dir, recording.getParent());
        assertTrue(recording.getFileName().toString().startsWith("turnstile-demo-" + sample + "-"));
        assertTrue(!outcome.stderr().contains("WARNING") && !outcome.stderr().contains("warning"),
                () -> "the JVM printed warnings\n" + outcome.describe());
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void parallelControlHasNoFindings(int feature) throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "demo-parallel");
        Command.Outcome outcome = Turnstile.on(Jdks.require(feature), "demo", "parallel", "--seconds", 2, "-o", dir);
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stdout().contains("No findings"), outcome::describe);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17})
    void jsonReportOfTheDemoAndOfItsRecordingAgree(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "demo-json");
        Command.Outcome demo = Turnstile.on(jdk, "demo", "gil-juc", "--seconds", 2, "-o", dir, "--format", "json");
        assertEquals(0, demo.exitCode(), demo::describe);
        JsonNode fromDemo = new ObjectMapper().readTree(demo.stdout());
        assertEquals(1, fromDemo.path("schemaVersion").asInt());
        assertEquals("TS101", fromDemo.path("findings").get(0).path("id").asText());
        assertEquals("juc", fromDemo.path("locks").get(0).path("kind").asText());
        assertTrue(fromDemo.path("locks").get(0).path("busy").asDouble() >= 0.8, demo::describe);

        Path recording = Turnstile.keptRecording(demo);
        Command.Outcome analyze = Turnstile.on(jdk, "analyze", recording, "--format", "json");
        assertEquals(0, analyze.exitCode(), analyze::describe);
        assertEquals(fromDemo.path("findings"), new ObjectMapper().readTree(analyze.stdout()).path("findings"));

        Path file = dir.resolve("report.json");
        Command.Outcome toFile = Turnstile.on(jdk, "analyze", recording, "--format", "json", "-o", file);
        assertEquals(0, toFile.exitCode(), toFile::describe);
        assertEquals(fromDemo.path("locks"), new ObjectMapper().readTree(file.toFile()).path("locks"));
    }
}
