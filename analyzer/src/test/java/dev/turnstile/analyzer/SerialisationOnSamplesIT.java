package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gil samples make 8 threads take turns on one lock, held by construction about 96 % of the time with 7
 * threads queued behind it (their truth line says how much exactly), on JDK 17 and 25.
 */
class SerialisationOnSamplesIT {

    @ParameterizedTest(name = "{0} on JDK {1}")
    @CsvSource({"gil, 17, MONITOR", "gil, 25, MONITOR", "gil-juc, 17, JUC", "gil-juc, 25, JUC"})
    void findsTheSerialisingLockItsCriticalSectionAndItsNumbers(String sample, int jdk, LockKind kind)
            throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), sample);
        Analysis analysis = new Analyzer().analyze(recording.file());
        String lockClass = recording.truth().get("lock");
        String criticalSection = recording.truth().get("criticalSection");
        int threads = Integer.parseInt(recording.truth().get("threads"));

        List<Finding> serialisations = analysis.findings().stream().filter(f -> f.id().equals("TS101")).toList();
        assertEquals(1, serialisations.size(), () -> "expected one TS101 finding: " + analysis.findings());
        Finding finding = serialisations.get(0);
        assertEquals(lockClass, finding.subject().name());
        assertTrue(finding.subject().site().startsWith(criticalSection + ":"),
                () -> "critical section " + finding.subject().site() + " is not in " + criticalSection);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertTrue(finding.title().contains(threads + " threads"), finding.title());
        assertEquals(analysis.findings().get(0), finding, "the serialising lock is the most important finding");

        LockReport lock = analysis.locks().get(0);
        assertEquals(kind, lock.kind());
        assertEquals(lockClass, lock.lockClass());
        assertEquals(finding.subject().id(), lock.id());
        // Busy share (someone queued) tracks the share of time the lock was held: within 0.1 of the truth.
        double held = recording.truthDouble("heldShare");
        assertTrue(lock.busy() >= 0.8, () -> "busy " + lock.busy());
        assertEquals(held, lock.busy(), 0.1, "busy share against the sample's measured held share");
        assertEquals(threads, lock.waitingThreads());
        // Up to threads - 1 queue behind the holder. Fewer when the machine is busy: a thread that waits for a CPU
        // outside the lock is not queued on it, and a ReentrantLock lets a running thread barge in. At least half of
        // them queued still tells a serialising lock from a merely busy one.
        assertTrue(lock.meanWaiters() > threads / 2.0 && lock.meanWaiters() <= threads - 0.5,
                () -> "mean waiters " + lock.meanWaiters());
        // One thread works at a time, plus 5 % of work outside the lock: the users keep at most about one CPU
        // busy (less when other programs take the machine's CPUs, so only the upper bound is the truth).
        assertTrue(lock.usersParallelism() != null, "per-thread CPU load was recorded");
        assertTrue(lock.usersParallelism() > 0 && lock.usersParallelism() <= 1.35,
                () -> "parallelism of the lock's users " + lock.usersParallelism());
        assertFalse(lock.owners().isEmpty(), "owners seen");
        assertTrue(lock.owners().stream().allMatch(o -> o.thread().startsWith(sample + "-worker-")),
                () -> "owners " + lock.owners());
        assertTrue(lock.waiterStacks().stream().flatMap(s -> s.frames().stream())
                .noneMatch(frame -> frame.startsWith("dev.turnstile.agent.")), "agent frames are stripped");
        assertTrue(analysis.findings().stream().noneMatch(f -> f.id().equals("TS102")
                && f.subject().id().equals(lock.id())), "a serialising lock is not also reported as hot");
    }
}
