package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.HerdReport;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The herd sample wakes 6 consumers of a monitor (notifyAll) and 6 of a ReentrantLock's condition (signalAll) for
 * each single item; the consumers count the wake-ups that found nothing, which is the truth the analyzer's count of
 * wasted wake-ups is held to.
 */
class HerdIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void reportsBothHerdsWithTheirWastedWakeups(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "herd");
        Analysis analysis = new Analyzer().analyze(recording.file());
        int waiters = Integer.parseInt(recording.truth().get("waiters"));

        HerdReport monitor = herd(analysis, LockKind.MONITOR, recording.truth().get("monitor"));
        HerdReport lock = herd(analysis, LockKind.JUC, recording.truth().get("lock"));
        assertWasted(monitor, recording.truthDouble("monitorWasted"));
        assertWasted(lock, recording.truthDouble("lockWasted"));
        for (HerdReport herd : List.of(monitor, lock)) {
            assertEquals(waiters, herd.waitingThreads(), herd::toString);
            assertTrue(herd.waitSite().startsWith(recording.truth().get("site") + "$"), herd::toString);
            // Every consumer is woken for each item: about 6 per notification, at least half that even when a busy
            // machine splits a burst of wake-ups in two.
            assertTrue(herd.wakeupsPerNotification() >= waiters / 2.0 && herd.wakeupsPerNotification() <= waiters + 0.5,
                    () -> "woken per notification " + herd);
        }
        if (jdk >= 25) {
            // The JVM counts the notifyAll calls that woke someone: at most the producer's and the one that closes the
            // mailbox (on a busy machine every consumer may still be at work when an item comes), and each woke all
            // the consumers that were waiting.
            double notifies = recording.truthDouble("monitorNotifies");
            assertTrue(monitor.notifies() != null && monitor.notifies() <= notifies + 1
                    && monitor.notifies() >= notifies / 3, () -> "notifies " + monitor + " against " + notifies);
            assertEquals(monitor.notifies().longValue(), monitor.notifications());
        }

        List<Finding> herds = analysis.findings().stream().filter(f -> f.id().equals("TS105")).toList();
        assertEquals(2, herds.size(), () -> "a TS105 per herd: " + analysis.findings());
        for (Finding finding : herds) {
            assertTrue(finding.title().startsWith("Thundering herd: each "), finding.title());
            assertTrue(finding.metrics().get("wastedPerNotification").doubleValue() >= 1, finding::toString);
        }
        assertTrue(analysis.findings().stream().allMatch(f -> f.id().equals("TS105")),
                () -> "nothing else is wrong here: " + analysis.findings());
    }

    private static HerdReport herd(Analysis analysis, LockKind kind, String lockClass) {
        return analysis.herds().stream().filter(h -> h.kind() == kind && h.lockClass().equals(lockClass))
                .findFirst().orElseThrow(() -> new AssertionError("no herd on " + lockClass + ": " + analysis.herds()));
    }

    /**
     * A wasted wake-up is seen by its quick return to waiting; one that a busy machine delays by more than 0.1 ms is
     * missed, so the count may be lower than the truth, never much higher.
     */
    private static void assertWasted(HerdReport herd, double truth) {
        assertTrue(herd.wastedWakeups() >= 0.8 * truth && herd.wastedWakeups() <= truth + 10,
                () -> "wasted " + herd.wastedWakeups() + " against the sample's " + truth + ": " + herd);
    }
}
