package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each kind of java.util.concurrent lock, contended in turn by the locks sample (threads named locks-PHASE-N),
 * is recorded with the right synchronizer, mode and owner, and its totals and counts agree with the sample's
 * own count of acquisitions.
 */
class LockKindsIT {
    private static final String LOCKS = "java.util.concurrent.locks.";

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void everyLockKindIsRecordedWithItsModeOwnerTotalsAndCounts(int jdk) throws Exception {
        SampleRecording sample = SampleRecording.of(Jdks.require(jdk), "locks");
        Recorded recorded = Recorded.read(sample.file());

        assertWaits(recorded, "reentrant", LOCKS + "ReentrantLock$NonfairSync", false, "locks-reentrant-");
        assertWaits(recorded, "rw-write", LOCKS + "ReentrantReadWriteLock$NonfairSync", false, "locks-rw-write-");
        // Readers queue behind the writer, worker 1: when a reader's wait names an owner, it is the writer.
        assertWaits(recorded, "rw-read", LOCKS + "ReentrantReadWriteLock$NonfairSync", true, "locks-rw-read-1");
        assertWaits(recorded, "semaphore", "java.util.concurrent.Semaphore$NonfairSync", true, null);
        assertWaits(recorded, "stamped-write", LOCKS + "StampedLock", false, null);
        assertWaits(recorded, "stamped-read", LOCKS + "StampedLock", true, null);

        // Totals include the waits under the threshold, so they are at least the events, at most the acquisitions.
        Map<String, Long> contended = recorded.named("turnstile.LockStatistics").stream().collect(Collectors.toMap(
                e -> Recorded.className(e, "synchronizerClass") + "@" + e.getInt("lockId"),
                e -> e.getLong("contendedAcquisitions"), Math::max));
        long reentrantWaits = waits(recorded, "reentrant").size();
        long reentrantContended = contended.entrySet().stream()
                .filter(e -> e.getKey().startsWith(LOCKS + "ReentrantLock$NonfairSync@"))
                .mapToLong(Map.Entry::getValue).max().orElse(0);
        assertTrue(reentrantContended >= reentrantWaits && reentrantContended <= sample.truthDouble("reentrant"),
                () -> "contended " + reentrantContended + ", events " + reentrantWaits + ", truth " + sample.truth());

        // Counts of acquisitions per kind: exclusive locks and semaphores count every acquisition; the JDK may add
        // a few acquisitions of its own.
        Map<String, Long> counts = recorded.named("turnstile.LockCounts").stream().collect(Collectors.toMap(
                e -> e.getString("lockKind"), e -> e.getLong("acquisitions"), Math::max));
        assertBetween(counts.get(LOCKS + "ReentrantLock"), sample.truthDouble("reentrant"), "ReentrantLock count");
        assertBetween(counts.get("java.util.concurrent.Semaphore"), sample.truthDouble("semaphore"), "Semaphore count");
        assertTrue(counts.get(LOCKS + "ReentrantReadWriteLock (write)") >= sample.truthDouble("rw-write"),
                () -> "write count " + counts + " against " + sample.truth());
        // StampedLock has no JDK users here: its two kinds add up to the two stamped phases' acquisitions.
        assertTrue(counts.get(LOCKS + "StampedLock (write)") >= sample.truthDouble("stamped-write"),
                () -> "stamped write count " + counts + " against " + sample.truth());
        assertBetween(counts.get(LOCKS + "StampedLock (write)") + counts.get(LOCKS + "StampedLock (read)"),
                sample.truthDouble("stamped-write") + sample.truthDouble("stamped-read"), "StampedLock count");

        // The holder's side: sampled releases to queued waiters, at most one per thread per millisecond.
        List<RecordedEvent> releases = recorded.named("turnstile.LockRelease",
                e -> Recorded.threadName(e).startsWith("locks-reentrant-"));
        assertTrue(releases.size() >= 10, () -> releases.size() + " releases of the ReentrantLock to waiters");
        assertTrue(releases.stream().allMatch(e -> Recorded.inMethod(e, LOCKS + "ReentrantLock", "unlock")),
                "release stacks start at unlock()");
        List<RecordedEvent> stampedReleases = recorded.named("turnstile.LockRelease",
                e -> Recorded.threadName(e).startsWith("locks-stamped-write-"));
        assertTrue(stampedReleases.size() >= 10, () -> stampedReleases.size() + " releases of the StampedLock to waiters");
        assertTrue(stampedReleases.stream().allMatch(e -> !e.getBoolean("shared")
                        && LOCKS.concat("StampedLock").equals(Recorded.className(e, "synchronizerClass"))
                        && Recorded.inMethod(e, LOCKS + "StampedLock", "unlockWrite")),
                "StampedLock write releases are exclusive, of the StampedLock, from unlockWrite()");
    }

    private static List<RecordedEvent> waits(Recorded recorded, String phase) {
        return recorded.named("turnstile.LockWait", e -> Recorded.threadName(e).startsWith("locks-" + phase + "-"));
    }

    private static void assertWaits(Recorded recorded, String phase, String synchronizer, boolean shared,
                                    String ownerPrefix) {
        List<RecordedEvent> waits = waits(recorded, phase).stream()
                .filter(e -> e.getBoolean("shared") == shared).toList();
        assertTrue(waits.size() >= 10, () -> phase + ": " + waits.size() + " " + (shared ? "shared" : "exclusive")
                + " waits");
        assertTrue(waits.stream().allMatch(e -> synchronizer.equals(Recorded.className(e, "synchronizerClass"))),
                () -> phase + ": synchronizers " + waits.stream().map(e -> Recorded.className(e, "synchronizerClass"))
                        .distinct().toList());
        assertTrue(waits.stream().allMatch(e -> e.getBoolean("acquired")), phase + ": every wait ended in the lock");
        if (ownerPrefix != null) {
            List<String> owners = waits.stream().map(recorded::ownerName)
                    .filter(java.util.Objects::nonNull).toList();
            assertTrue(owners.size() >= waits.size() / 3, () -> phase + ": " + owners.size() + " owners named");
            assertTrue(owners.stream().allMatch(o -> o.startsWith(ownerPrefix)), () -> phase + ": owners " + owners);
        }
    }

    private static void assertBetween(Long counted, double truth, String what) {
        assertTrue(counted != null && counted >= truth && counted <= truth * 1.05 + 20,
                () -> what + ": " + counted + " for " + truth + " acquisitions");
    }
}
