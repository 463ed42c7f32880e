package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Phase;
import dev.turnstile.analyzer.model.Timeline;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The phased sample runs four workers for 9 s; in the middle third they take turns on one monitor, before and after
 * they share nothing. Its truth line gives the middle third's bounds as wall-clock times.
 */
class PhaseIT {
    private static final double SECONDS = 9.0;
    /** The phase's ends are found from the waits at its edges: a worker may need a moment to queue, or to leave. */
    private static final long EDGE_TOLERANCE_NANOS = 600_000_000L;

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void reportsSerialisationWithTheTimeItLasted(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "phased", SECONDS);
        Analysis analysis = new Analyzer().analyze(recording.file());
        LockReport lock = analysis.locks().get(0);
        assertEquals(recording.truth().get("lock"), lock.lockClass());
        // Over the whole run the lock was queued on about a third of the time: not serialising the run...
        assertTrue(lock.busy() < 0.5, () -> "whole-run busy " + lock.busy());

        // ...but in its middle third it was.
        Phase phase = lock.phase();
        assertNotNull(phase, "a phase was found");
        long recordingStart = analysis.recording().start().getEpochSecond() * 1_000_000_000L
                + analysis.recording().start().getNano();
        long truthStart = (long) recording.truthDouble("phaseStartEpochMillis") * 1_000_000L - recordingStart;
        long truthEnd = (long) recording.truthDouble("phaseEndEpochMillis") * 1_000_000L - recordingStart;
        assertEquals(truthStart, phase.startOffsetNanos(), EDGE_TOLERANCE_NANOS, () -> "phase start " + phase);
        assertEquals(truthEnd, phase.endOffsetNanos(), EDGE_TOLERANCE_NANOS, () -> "phase end " + phase);
        assertTrue(phase.busy() >= 0.8, () -> "phase busy " + phase);
        // Three of the four workers queue while one holds the lock; waits under the threshold are not counted.
        assertTrue(phase.meanWaiters() > 1.5 && phase.meanWaiters() <= 3.0, () -> "phase waiters " + phase);
        assertTrue(phase.parallelism() != null && phase.parallelism() <= 1.5, () -> "phase parallelism " + phase);

        List<Finding> serialisations = analysis.findings().stream().filter(f -> f.id().equals("TS101")).toList();
        assertEquals(1, serialisations.size(), () -> "one TS101: " + analysis.findings());
        Finding finding = serialisations.get(0);
        assertTrue(finding.title().startsWith("GIL-style serialisation from "), finding.title());
        assertEquals(phase.startOffsetNanos(), finding.metrics().get("phaseStartOffsetNanos").longValue());
        assertEquals(phase.endOffsetNanos(), finding.metrics().get("phaseEndOffsetNanos").longValue());
        assertEquals(phase.waitNanos(), finding.impactNanos(), "ranked by the time lost in the phase");
        assertTrue(analysis.findings().stream().noneMatch(f -> f.id().equals("TS102")),
                () -> "the serialising lock is not also reported as hot: " + analysis.findings());

        // The timeline shows it second by second.
        Timeline timeline = lock.timeline();
        assertNotNull(timeline, "the most waited-for lock has a timeline");
        assertEquals(1_000_000_000L, timeline.sliceNanos());
        assertTrue(timeline.busy().size() >= SECONDS && timeline.busy().size() <= SECONDS + 3, timeline::toString);
        for (int i = 0; i < timeline.busy().size(); i++) {
            long sliceStart = timeline.startOffsetNanos() + i * timeline.sliceNanos();
            long sliceEnd = sliceStart + timeline.sliceNanos();
            double busy = timeline.busy().get(i);
            if (sliceStart >= truthStart + EDGE_TOLERANCE_NANOS && sliceEnd <= truthEnd - EDGE_TOLERANCE_NANOS) {
                assertTrue(busy >= 0.8, () -> "inside the phase " + timeline);
            } else if (sliceEnd <= truthStart - EDGE_TOLERANCE_NANOS || sliceStart >= truthEnd + EDGE_TOLERANCE_NANOS) {
                assertTrue(busy <= 0.05, () -> "outside the phase " + timeline);
            }
        }
    }
}
