package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Waiting for a signal (latch, barrier, phaser, condition, Object.wait, queue) is not lock contention. */
class SignalWaitsIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void signalWaitsMakeNoLockFindings(int jdk) throws Exception {
        Analysis analysis = new Analyzer().analyze(SampleRecording.of(Jdks.require(jdk), "signals").file());
        assertEquals(List.of(), analysis.findings());
        assertTrue(analysis.locks().stream().noneMatch(l -> l.lockClass().equals("java.util.concurrent.CountDownLatch")),
                () -> "a latch is not a lock: " + analysis.locks());
        assertTrue(analysis.locks().stream().allMatch(l -> l.meanWaiters() < 0.05),
                () -> "no lock made the waiter queue: " + analysis.locks());
    }
}
