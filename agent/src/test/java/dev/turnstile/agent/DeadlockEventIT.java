package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deadlock sample makes two cycles of two threads each, one on monitors and one on ReentrantLocks, that never
 * resolve; the sample ends by itself (daemon threads). The agent's periodic check writes each cycle exactly once, in
 * the line format readers parse: a header line per thread naming the lock it waits for and its owner, then its stack.
 */
class DeadlockEventIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void eachCycleIsWrittenOnceWithItsThreadsLocksOwnersAndStacks(int jdk) throws Exception {
        SampleRecording sample = SampleRecording.of(Jdks.require(jdk), "deadlock", 3.0);
        assertEquals("4", sample.truth().get("stuckThreads"), "the sample's threads deadlocked");
        List<RecordedEvent> deadlocks = Recorded.read(sample.file()).named("turnstile.Deadlock");
        // A cycle lasts to the end of the run and is checked every second, yet written once.
        assertEquals(2, deadlocks.size(), () -> "one event per cycle: " + deadlocks);
        Set<Set<String>> cycles = deadlocks.stream().map(DeadlockEventIT::threadNames).collect(Collectors.toSet());
        assertEquals(Set.of(Set.of("deadlock-monitor-1", "deadlock-monitor-2"), Set.of("deadlock-juc-1", "deadlock-juc-2")),
                cycles);
        for (RecordedEvent event : deadlocks) {
            assertEquals(2, event.getInt("cycleSize"));
            List<String[]> headers = headers(event);
            for (String[] header : headers) {
                String name = header[2];
                String owner = header[7];
                boolean monitors = name.startsWith("deadlock-monitor-");
                assertEquals(monitors ? "BLOCKED" : "WAITING", header[3], () -> Arrays.toString(header));
                assertEquals(monitors ? "dev.turnstile.samples.DeadlockSample$Account"
                        : "java.util.concurrent.locks.ReentrantLock$NonfairSync", header[4]);
                assertTrue(header[5].matches("[0-9a-f]+"), () -> "identity hash in hex: " + header[5]);
                // Each waits for the other: the owner is the other thread of the pair.
                assertTrue(owner.startsWith(name.substring(0, name.length() - 1)) && !owner.equals(name),
                        () -> name + " waits for " + owner);
            }
            assertTrue(event.getString("threads").contains("\tdev.turnstile.samples.DeadlockSample.transfer:"),
                    () -> "stacks name the method that took the locks: " + event.getString("threads"));
        }
    }

    private static List<String[]> headers(RecordedEvent event) {
        return Arrays.stream(event.getString("threads").split("\n"))
                .filter(line -> line.startsWith("thread\t"))
                .map(line -> line.split("\t", -1))
                .toList();
    }

    private static Set<String> threadNames(RecordedEvent event) {
        return headers(event).stream().map(h -> h[2]).collect(Collectors.toSet());
    }
}
