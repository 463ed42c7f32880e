package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The torture program (dev.turnstile.programs.TortureProgram: many threads, j.u.c inside the methods the agent's hooks
 * surround, conditions, nested executors, timeouts, interrupts, thread churn, all at once) finishes under the agent
 * within its deadline on 17 and 25, with every counter exact and the agent recording every wait (threshold 0, the most
 * work for the agent): interrupted and timed-out acquisitions as not acquired, one per attempt.
 */
class TortureIT {
    /** The program gives up after 60 s and prints every thread's stack; the test's own limit is above it. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void finishesWithExactCountsAndEveryWaitRecorded(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path file = Artifacts.outputDirectory().resolve("torture-jdk" + feature + ".jfr");
        Files.deleteIfExists(file);
        Command.Outcome outcome = Command.of(jdk.java(), "-javaagent:" + Artifacts.agentJar() + "=file=" + file
                + ",threshold=0", "-cp", TruthLines.testClasses(), "dev.turnstile.programs.TortureProgram", "60")
                .timeout(DEADLINE).run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stderr().lines().noneMatch(l -> l.startsWith("turnstile:") || l.contains("Exception")
                || l.contains("Error")), outcome::describe);

        Map<String, String> truth = TruthLines.find(outcome.stdout(), "program", "torture");
        List<String> counters = truth.keySet().stream().filter(k -> k.endsWith(".expected"))
                .map(k -> k.substring(0, k.length() - ".expected".length())).toList();
        assertEquals(16, counters.size(), truth::toString);
        for (String counter : counters) {
            assertEquals(truth.get(counter + ".expected"), truth.get(counter + ".actual"), counter);
        }

        Recorded recorded = Recorded.read(file);
        // Interrupted while queued for the lock, or while waiting on a condition: one event each, not acquired.
        assertEquals(truth.get("interrupt.lock.expected"), String.valueOf(notAcquired(recorded, "torture-interrupted-lock")));
        assertEquals(truth.get("interrupt.await.expected"), String.valueOf(recorded.named("turnstile.ConditionWait",
                e -> Recorded.threadName(e).equals("torture-interrupted-await")).size()));
        // Timed out: every tryLock that gave up, every timed acquire of a semaphore without permits.
        long tryLockTimeouts = recorded.named("turnstile.LockWait", e -> !e.getBoolean("acquired")
                && Recorded.threadName(e).startsWith("torture-trylock-")).size();
        assertEquals(Long.parseLong(truth.get("trylock.held.timeouts.expected"))
                + Long.parseLong(truth.get("trylock.shared.timeouts")), tryLockTimeouts);
        assertEquals(Long.parseLong(truth.get("semaphore.timeouts.expected")), recorded.named("turnstile.LockWait",
                e -> !e.getBoolean("acquired") && "java.util.concurrent.Semaphore$NonfairSync".equals(
                        Recorded.className(e, "synchronizerClass"))).size());
        // The synchronizer whose tryAcquire takes a ReentrantLock: its waits recorded, and its inner lock's too.
        assertFalse(recorded.named("turnstile.LockWait", e -> Recorded.className(e, "synchronizerClass")
                .equals("dev.turnstile.programs.TortureProgram$GuardedMutex")).isEmpty(), "waits for the guarded mutex");

        // Every pool's tasks counted exactly, their waits known except where the agent says it dropped them.
        Map<String, RecordedEvent> totals = recorded.named("turnstile.ExecutorTotals").stream()
                .filter(e -> e.getString("name") != null)
                .collect(Collectors.toMap(e -> e.getString("name"), Function.identity(),
                        (a, b) -> a.getEndTime().isAfter(b.getEndTime()) ? a : b));
        RecordedEvent statistics = recorded.named("turnstile.AgentStatistics").stream()
                .max(Comparator.comparing(RecordedEvent::getEndTime)).orElseThrow();
        long dropped = statistics.getLong("pendingTaskCollisions") + statistics.getLong("pendingTasksSwept");
        int outer = 100;
        assertTasks(totals.get("torture-outer-"), outer, dropped);
        assertTasks(totals.get("torture-inner-"), outer * 4 + outer * 2, dropped); // FJ tasks' calls, CF chain steps
        assertTasks(totals.get("torture-middle-"), outer * 4 + outer, dropped);
        assertTasks(totals.get("torture-hooked-"), 2_000, dropped);
        assertEquals(0, statistics.getLong("untrackedLockWaits") + statistics.getLong("untrackedSubmissions"));
    }

    private static long notAcquired(Recorded recorded, String thread) {
        return recorded.named("turnstile.LockWait", e -> !e.getBoolean("acquired")
                && Recorded.threadName(e).equals(thread)).size();
    }

    private static void assertTasks(RecordedEvent totals, long tasks, long dropped) {
        assertTrue(totals != null, "no totals");
        String pool = totals.getString("name");
        assertEquals(tasks, totals.getLong("submitted"), pool + " submitted");
        assertEquals(tasks, totals.getLong("started"), pool + " started");
        assertEquals(tasks, totals.getLong("completed"), pool + " completed");
        assertTrue(totals.getLong("waitUnknown") <= dropped, pool + " waits unknown: " + totals.getLong("waitUnknown"));
    }
}
