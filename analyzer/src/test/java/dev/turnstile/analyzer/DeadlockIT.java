package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.DeadlockReport;
import dev.turnstile.analyzer.model.DeadlockReport.DeadlockedThread;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deadlock sample deadlocks two threads on two monitors and two more on two ReentrantLocks, each pair taking its
 * locks in opposite order, about 0.1 s after it starts; they stay stuck until the program exits.
 */
class DeadlockIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void reportsEachCycleAsCriticalWithItsThreadsLocksAndStacks(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "deadlock", 3.0);
        Analysis analysis = new Analyzer().analyze(recording.file());

        List<Finding> deadlocks = analysis.findings().stream().filter(f -> f.id().equals("TS104")).toList();
        assertEquals(2, deadlocks.size(), () -> "one TS104 per cycle: " + analysis.findings());
        assertTrue(deadlocks.stream().allMatch(f -> f.severity() == Severity.CRITICAL));
        assertEquals(analysis.findings().subList(0, 2), deadlocks, "deadlocks come first: they never end");
        assertEquals(2, analysis.deadlocks().size());

        DeadlockReport monitors = cycle(analysis, "deadlock-monitor-");
        assertCycle(monitors, LockKind.MONITOR, recording.truth().get("monitorLock"), "BLOCKED");
        DeadlockReport locks = cycle(analysis, "deadlock-juc-");
        assertCycle(locks, LockKind.JUC, recording.truth().get("jucLock"), "WAITING");

        for (DeadlockReport deadlock : analysis.deadlocks()) {
            // Found by a check that runs every second, while the threads stay stuck to the end of the recording.
            assertTrue(deadlock.detectedOffsetNanos() < 2_500_000_000L, () -> "found late: " + deadlock);
            assertTrue(deadlock.stuckNanos() > 0, () -> "stuck: " + deadlock);
        }
        Finding first = deadlocks.get(0);
        assertTrue(first.title().startsWith("Deadlock: 2 threads wait for each other forever"), first.title());
        assertEquals("deadlock", first.subject().kind());
        assertTrue(first.subject().site().startsWith(recording.truth().get("site") + ":"), first.subject().site());
        assertEquals(2, first.stacks().size(), "one stack per thread");
        assertEquals(2L, first.metrics().get("threads").longValue());
        assertTrue(analysis.findings().stream().noneMatch(f -> f.id().equals("TS101") || f.id().equals("TS102")),
                () -> "the stuck threads never finish a wait, so no contention is reported: " + analysis.findings());
    }

    private static DeadlockReport cycle(Analysis analysis, String threadPrefix) {
        return analysis.deadlocks().stream()
                .filter(d -> d.threads().stream().allMatch(t -> t.thread().startsWith(threadPrefix)))
                .findFirst().orElseThrow(() -> new AssertionError("no cycle of " + threadPrefix + "*: "
                        + analysis.deadlocks()));
    }

    private static void assertCycle(DeadlockReport cycle, LockKind kind, String lockClass, String state) {
        assertEquals(2, cycle.cycleSize());
        Set<String> names = cycle.threads().stream().map(DeadlockedThread::thread).collect(Collectors.toSet());
        Set<String> lockIds = cycle.threads().stream().map(DeadlockedThread::lockId).collect(Collectors.toSet());
        assertEquals(2, lockIds.size(), () -> "two different locks: " + cycle);
        for (DeadlockedThread thread : cycle.threads()) {
            assertEquals(kind, thread.lockKind(), thread::toString);
            assertEquals(lockClass, thread.lockClass(), thread::toString);
            assertEquals(state, thread.state(), thread::toString);
            assertTrue(names.contains(thread.owner()) && !thread.owner().equals(thread.thread()),
                    () -> "each waits for the other: " + thread);
            assertTrue(thread.frames().stream().anyMatch(f -> f.startsWith("dev.turnstile.samples.DeadlockSample.transfer:")),
                    () -> "stack shows where: " + thread.frames());
        }
    }
}
