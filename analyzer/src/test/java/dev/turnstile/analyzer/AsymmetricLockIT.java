package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Quadrant;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The striped sample spreads updates over 8 ReentrantLock stripes created in one place, but sends 60 % of them to one
 * hot stripe: six threads queue on it while the other stripes are contended now and then. Each update holds its stripe
 * for a park of 1 ms.
 */
class AsymmetricLockIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void reportsTheHotStripeAmongItsSiblings(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "striped");
        Analysis analysis = new Analyzer().analyze(recording.file());
        String site = recording.truth().get("criticalSection");
        // The stripes are the ReentrantLocks waited for there. On JDK 25 a class's initialization lock (an int[])
        // can be waited for at the same line too: two workers' first contended acquisitions raced to initialize
        // AQS's queue-node class, a real wait of its own.
        List<LockReport> stripes = analysis.locks().stream()
                .filter(l -> l.criticalSection().startsWith(site + ":"))
                .filter(l -> recording.truth().get("lock").equals(l.lockClass())).toList();
        assertTrue(stripes.size() >= 3 && stripes.size() <= 8, () -> stripes.size() + " stripes seen contended");

        List<Finding> asymmetric = analysis.findings().stream().filter(f -> f.id().equals("TS103")).toList();
        assertEquals(1, asymmetric.size(), () -> "one TS103: " + analysis.findings());
        Finding finding = asymmetric.get(0);
        LockReport hot = stripes.get(0);
        assertEquals(hot.id(), finding.subject().id(), "the hot stripe is named");
        assertEquals(recording.truth().get("lock"), finding.subject().name());
        assertTrue(finding.subject().site().startsWith(site + ":"), finding.subject().site());
        assertEquals(stripes.size(), finding.metrics().get("locks").intValue());
        // 60 % of the updates go to the hot stripe, and nearly all of the queueing: the others are rarely contended.
        assertTrue(finding.metrics().get("topShare").doubleValue() >= 0.8, finding::toString);
        assertTrue(finding.title().contains("one of " + stripes.size() + " ReentrantLock locks"), finding.title());

        // The hot stripe's own numbers: exact contended count from the agent, holders where they released it, a
        // mean hold near the 1 ms park (longer when the machine is busy: a park wakes up late), and so long holds.
        assertTrue(hot.rates().exact() && hot.rates().contendedAcquisitions() >= hot.waits(), hot::toString);
        assertEquals(Quadrant.LONG_HOLDS, hot.rates().quadrant(), hot::toString);
        assertTrue(hot.capacity().meanHoldNanos() >= 900_000 && hot.capacity().meanHoldNanos() <= 5_000_000,
                () -> "mean hold " + hot.capacity());
        assertEquals(1e9 / hot.capacity().meanHoldNanos(), hot.capacity().throughputCeilingPerSecond(), 1e-6);
        assertTrue(!hot.holderStacks().isEmpty() && hot.holderStacks().get(0).frames().stream()
                .anyMatch(f -> f.startsWith(site + ":")), () -> "holders released it in update: " + hot.holderStacks());
        long charged = hot.holderStacks().stream().mapToLong(s -> s.nanos()).sum();
        assertTrue(charged <= hot.waitNanos() && charged >= hot.waitNanos() * 0.9,
                () -> "the holder stacks shown carry the waiting: " + charged + " of " + hot.waitNanos());
    }
}
