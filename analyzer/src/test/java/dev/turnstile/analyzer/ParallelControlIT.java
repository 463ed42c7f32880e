package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parallel sample shares nothing: any finding about it is a false positive. */
class ParallelControlIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void reportsNoFindingAndNoMeaningfulWaiting(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "parallel");
        Analysis analysis = new Analyzer().analyze(recording.file());

        assertEquals(List.of(), analysis.findings());
        for (LockReport lock : analysis.locks()) {
            assertTrue(lock.meanWaiters() < 0.05, () -> "unexpected waiting on " + lock);
        }
        assertNotNull(analysis.recording().agent(), "recorded by the agent");
        assertNotNull(analysis.scheduler(), "with per-thread kernel counters");
        assertEquals(List.of(), analysis.recording().notes(), "a full Turnstile recording has nothing missing");
        assertTrue(analysis.recording().durationNanos() >= SampleRecording.SECONDS * 1e9 * 0.9,
                () -> "window " + analysis.recording().durationNanos() + " ns covers the run");
    }
}
