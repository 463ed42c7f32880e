package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signals sample waits 50 ms per round for a signal through each construct. Each wait is recorded as what it
 * is (condition, latch, monitor wait, park), never as lock contention.
 */
class SignalWaitIT {
    private static final String WAITS = "dev.turnstile.samples.SignalsSample$Waits";
    private static final long AT_LEAST_NANOS = 40_000_000;
    private static final String CONDITION = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject";

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void eachSignalWaitIsRecordedAsSuch(int jdk) throws Exception {
        SampleRecording sample = SampleRecording.of(Jdks.require(jdk), "signals");
        Recorded recorded = Recorded.read(sample.file());
        int rounds = (int) sample.truthDouble("rounds");

        for (String method : List.of("awaitCondition", "awaitBarrier", "takeFromQueue")) {
            assertLongWaits(recorded, "turnstile.ConditionWait", method, rounds);
        }
        List<RecordedEvent> conditions = waitsIn(recorded, "turnstile.ConditionWait", "awaitCondition");
        assertTrue(conditions.stream().allMatch(e -> "java.util.concurrent.locks.ReentrantLock$NonfairSync"
                .equals(Recorded.className(e, "synchronizerClass"))), "the condition's lock is named");
        assertTrue(conditions.stream().noneMatch(e -> e.getBoolean("timedOut")), "signalled waits did not time out");
        // Timed waits nobody signals: await(time, unit) returns false, awaitNanos a value <= 0; both say timed out.
        for (String method : List.of("awaitConditionTimingOut", "awaitNanosTimingOut")) {
            List<RecordedEvent> timed = waitsIn(recorded, "turnstile.ConditionWait", method);
            assertEquals(rounds, timed.size(), () -> method + ": " + timed);
            assertTrue(timed.stream().allMatch(e -> e.getBoolean("timedOut")), () -> method + " timed out: " + timed);
        }
        assertLongWaits(recorded, "jdk.JavaMonitorWait", "waitOnMonitor", rounds);
        List<RecordedEvent> latch = assertLongWaits(recorded, "turnstile.LockWait", "awaitLatch", rounds);
        assertTrue(latch.stream().allMatch(e -> "java.util.concurrent.CountDownLatch$Sync"
                .equals(Recorded.className(e, "synchronizerClass"))), "latch waits name the latch");
        // Latches are not locks: they take no room in the lock table (a latch per request would fill it).
        assertTrue(recorded.named("turnstile.LockStatistics").stream().noneMatch(e ->
                "java.util.concurrent.CountDownLatch$Sync".equals(Recorded.className(e, "synchronizerClass"))),
                "no lock totals for latches");
        long parked = waitsIn(recorded, "jdk.ThreadPark", "awaitPhaser").stream()
                .mapToLong(e -> e.getDuration().toNanos()).sum();
        assertTrue(parked >= rounds * AT_LEAST_NANOS, () -> "phaser parks " + parked + " ns");

        // Apart from the latch (whose waits name their latch), the waiter never waited long for a lock. Taking the
        // condition's lock back after the signal is a real lock wait, not the signal wait: the signalling thread (or
        // another woken party) can hold it, and a thread descheduled while holding it makes that wait long (seen once
        // in CyclicBarrier on JDK 25: 24 ms).
        List<RecordedEvent> contention = recorded.named("turnstile.LockWait",
                e -> Recorded.threadName(e).equals(sample.truth().get("waiter")) && !latch.contains(e)
                        && !Recorded.inClass(e, CONDITION) && e.getDuration().toNanos() > AT_LEAST_NANOS / 4);
        assertEquals(List.of(), contention, "signal waits recorded as lock contention");
    }

    private static List<RecordedEvent> waitsIn(Recorded recorded, String event, String method) {
        return recorded.named(event, e -> Recorded.inMethod(e, WAITS, method));
    }

    private static List<RecordedEvent> assertLongWaits(Recorded recorded, String event, String method, int rounds) {
        List<RecordedEvent> waits = waitsIn(recorded, event, method);
        assertEquals(rounds, waits.size(), () -> event + " in " + method + ": " + waits);
        assertTrue(waits.stream().allMatch(e -> e.getDuration().toNanos() >= AT_LEAST_NANOS),
                () -> method + " waits " + waits.stream().map(RecordedEvent::getDuration).toList());
        return waits;
    }
}
