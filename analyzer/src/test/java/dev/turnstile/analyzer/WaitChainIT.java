package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.WaitChain;
import dev.turnstile.analyzer.model.WaitChain.WaitLink;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In each round of the chain sample the front thread waits for a monitor held by the middle thread, which waits for a
 * ReentrantLock held by the back thread, which sleeps 50 ms holding it.
 */
class WaitChainIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void followsTheLongestWaitToTheSleepingThreadBehindIt(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "chain");
        Analysis analysis = new Analyzer().analyze(recording.file());
        long sleepNanos = (long) recording.truthDouble("sleepMillis") * 1_000_000L;

        WaitChain front = analysis.waitChains().stream()
                .filter(c -> c.lockClass().equals(recording.truth().get("frontLock"))).findFirst()
                .orElseThrow(() -> new AssertionError("no chain for the registry: " + analysis.waitChains()));
        assertEquals(recording.truth().get("front"), front.waiter());
        assertEquals(LockKind.MONITOR, front.lockKind());
        assertTrue(front.waitNanos() >= sleepNanos * 0.9, front::toString);
        assertEquals(2, front.links().size(), front::toString);
        WaitLink middle = front.links().get(0);
        assertEquals(recording.truth().get("middle"), middle.thread());
        assertEquals("blocked", middle.state());
        assertEquals(recording.truth().get("middleLock"), middle.lockClass());
        assertEquals(LockKind.JUC, middle.lockKind());
        WaitLink back = front.links().get(1);
        assertEquals(recording.truth().get("back"), back.thread());
        assertEquals(recording.truth().get("end"), back.state());
        assertEquals("sleeping", front.end());
        // The back thread slept through nearly all of the time the middle one waited.
        assertTrue(back.overlapNanos() >= sleepNanos * 0.8, back::toString);
        assertTrue(back.frames().get(0).startsWith("dev.turnstile.samples.ChainSample.writeSlowly:")
                || back.frames().stream().anyMatch(f -> f.startsWith("dev.turnstile.samples.ChainSample.writeSlowly:")),
                () -> "where it slept: " + back.frames());
    }

    /** sleepstacks=off: the chain still ends in the sleeping thread, without saying where, and the report says why. */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void withoutSleepStacksTheChainEndsInTheSleeperAndTheNotesSayWhyItHasNoPlace(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.withAgentOptions(Jdks.require(jdk), "chain", "sleepstacks=off");
        Analysis analysis = new Analyzer().analyze(recording.file());
        WaitChain front = analysis.waitChains().stream()
                .filter(c -> c.lockClass().equals(recording.truth().get("frontLock"))).findFirst()
                .orElseThrow(() -> new AssertionError("no chain for the registry: " + analysis.waitChains()));
        assertEquals("sleeping", front.end());
        WaitLink back = front.links().get(front.links().size() - 1);
        assertEquals(recording.truth().get("back"), back.thread());
        assertTrue(back.frames().isEmpty(), () -> "a stack the sleep did not carry: " + back.frames());
        assertTrue(analysis.recording().notes().stream().anyMatch(n -> n.contains("sleepstacks=off")),
                analysis.recording().notes()::toString);
    }
}
