package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockCapacity;
import dev.turnstile.analyzer.model.LockKindStats;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Quadrant;
import dev.turnstile.analyzer.model.Timeline;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gil samples hold one lock for 2 ms of CPU per pass, with 8 threads taking turns: their truth lines give the
 * passes and the share of the run the lock was held, so the mean hold is known.
 */
class LockMetricsIT {

    @ParameterizedTest(name = "{0} on JDK {1}")
    @CsvSource({"gil, 17", "gil, 25", "gil-juc, 17", "gil-juc, 25"})
    void holdCeilingsRatesAndTimelineFollowFromTheWaits(String sample, int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), sample);
        Analysis analysis = new Analyzer().analyze(recording.file());
        LockReport lock = analysis.locks().get(0);
        double passes = recording.truthDouble("passes");
        double heldNanos = recording.truthDouble("heldShare") * analysis.recording().durationNanos();

        // Mean hold: busy time over the holds that ended while others queued, against held time over passes (the
        // window is a little longer than the workers' run, so the truth is a little high).
        double truthHold = heldNanos / passes;
        Long meanHold = lock.capacity().meanHoldNanos();
        assertNotNull(meanHold);
        if (sample.equals("gil-juc")) {
            // The agent counts every release to waiters, those of threads that barged in without queueing too.
            assertEquals(LockCapacity.BASIS_RELEASES, lock.capacity().meanHoldBasis());
            assertEquals(truthHold, meanHold, truthHold / 3, () -> "mean hold " + lock.capacity());
        } else {
            // Monitors: one hold per recorded wait. A thread that leaves the lock and comes back 0.1 ms later often
            // takes it before the woken waiter runs, a hold without a wait: an upper bound, within about 3x.
            assertEquals(LockCapacity.BASIS_WAITS, lock.capacity().meanHoldBasis());
            assertTrue(meanHold >= truthHold * 0.7 && meanHold <= truthHold * 3,
                    () -> "mean hold " + lock.capacity() + " against " + truthHold);
        }
        assertEquals(lock.busy(), lock.capacity().utilisation(), 1e-9, "utilisation's lower bound is busy");
        assertEquals(1 / lock.busy(), lock.capacity().speedupCeiling(), 1e-9);
        // Seven threads wait for each one that runs: several seconds queued per second of CPU.
        Double pressure = lock.capacity().criticalSectionPressure();
        assertTrue(pressure != null && pressure > 3, () -> "critical-section pressure " + lock.capacity());

        // Busy, with holds of 2 ms or more: at most 500 handovers a second.
        assertEquals(Quadrant.LONG_HOLDS, lock.rates().quadrant(), lock::toString);
        assertTrue(lock.rates().contendedAcquisitions() >= lock.waits()
                && lock.rates().contendedAcquisitions() <= passes + 20, () -> lock.rates() + " for " + passes);
        if (sample.equals("gil-juc")) {
            // The agent's exact totals and counts: every pass is an acquisition, nearly all of them contended.
            assertTrue(lock.rates().exact(), lock::toString);
            LockKindStats kind = lock.rates().kind();
            assertNotNull(kind, "the kind's counts");
            assertEquals("java.util.concurrent.locks.ReentrantLock", kind.kind());
            assertTrue(kind.acquisitions() >= passes, () -> kind + " for " + passes + " passes");
            assertTrue(kind.contendedAcquisitions() >= lock.rates().contendedAcquisitions(), kind::toString);
            assertEquals((double) kind.contendedAcquisitions() / kind.acquisitions(), kind.contentionRate(), 1e-9);
            assertTrue(analysis.lockKinds().contains(kind));
            assertTrue(lock.holderStacks().get(0).frames().stream()
                            .anyMatch(f -> f.startsWith(recording.truth().get("criticalSection") + ":")),
                    () -> "holders released it in the critical section: " + lock.holderStacks());
        } else {
            assertTrue(lock.holderStacks().isEmpty(), "the JDK records no holder stacks for monitors");
        }

        Timeline timeline = lock.timeline();
        assertNotNull(timeline);
        int slices = timeline.busy().size();
        assertTrue(slices >= SampleRecording.SECONDS && slices <= SampleRecording.SECONDS + 3, timeline::toString);
        // Slices are whole seconds of the clock: the first one starts at or before the recording.
        assertTrue(timeline.startOffsetNanos() <= 0 && timeline.startOffsetNanos() > -timeline.sliceNanos());
        // The slices add up to the whole run's numbers, and some second of the run was queued most of the time.
        long window = analysis.recording().durationNanos();
        double busyNanos = 0;
        double waitedNanos = 0;
        for (int i = 0; i < slices; i++) {
            long start = Math.max(0, timeline.startOffsetNanos() + i * timeline.sliceNanos());
            long end = Math.min(window, timeline.startOffsetNanos() + (i + 1) * timeline.sliceNanos());
            busyNanos += timeline.busy().get(i) * Math.max(0, end - start);
            waitedNanos += timeline.meanWaiters().get(i) * Math.max(0, end - start);
        }
        assertEquals(lock.busy() * window, busyNanos, window * 0.01, timeline::toString);
        assertEquals(lock.waitNanos(), waitedNanos, lock.waitNanos() * 0.02, timeline::toString);
        assertTrue(timeline.busy().stream().anyMatch(b -> b >= 0.8), timeline::toString);
        assertEquals(null, lock.phase(), "it serialised the whole run, not a phase of it");
    }
}
