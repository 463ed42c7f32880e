package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sleepstacks=off}: sleeps are still recorded, with their times and threads, but without the stack the JDK
 * would take for each; every other wait keeps its stack. The chain sample's back thread sleeps 50 ms per round while
 * the others queue behind it.
 */
class SleepStacksIT {
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void sleepsAreRecordedWithoutTheirStacksWhenAskedTo(int feature) throws Exception {
        Path file = Files.createTempDirectory(Artifacts.outputDirectory(), "sleep-stacks").resolve("r.jfr");
        Command.Outcome outcome = Command.of(Jdks.require(feature).java(),
                "-javaagent:" + Artifacts.agentJar() + "=file=" + file + ",sleepstacks=off,profiler=off",
                "-cp", Artifacts.samplesJar(), "dev.turnstile.samples.SampleMain", "chain", "--seconds", "1").run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertFalse(outcome.stderr().contains("ignoring"), outcome::describe);
        Recorded recorded = Recorded.read(file);

        List<RecordedEvent> sleeps = recorded.named("jdk.ThreadSleep");
        assertFalse(sleeps.isEmpty(), "the back thread's sleeps are recorded");
        for (RecordedEvent sleep : sleeps) {
            assertNull(sleep.getStackTrace(), () -> "a sleep with its stack: " + sleep);
            assertNotNull(sleep.getThread(), () -> "a sleep without its thread: " + sleep);
        }
        assertTrue(sleeps.stream().anyMatch(s -> s.getDuration().toMillis() >= 45),
                () -> "the 50 ms sleeps are there: " + sleeps.size() + " sleeps");
        List<RecordedEvent> lockWaits = recorded.named("turnstile.LockWait");
        assertFalse(lockWaits.isEmpty(), "the middle thread's waits for the journal lock are recorded");
        assertTrue(lockWaits.stream().allMatch(w -> w.getStackTrace() != null), "lock waits keep their stacks");
        RecordedEvent start = recorded.named("turnstile.AgentStart").get(0);
        assertTrue(start.getString("options").endsWith(",sleepstacks=off"), start.getString("options"));
    }
}
