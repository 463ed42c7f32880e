package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shared acquisitions: in the rwlock sample, readers queue for the read lock behind the writer (worker 1). */
class SharedAcquisitionIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void readersWaitSharedAndOnlyTheWriterIsEverTheirOwner(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "rwlock");
        String writer = recording.truth().get("writer");

        List<RecordedEvent> events = RecordingFile.readAllEvents(recording.file());
        List<RecordedEvent> waits = events.stream()
                .filter(e -> e.getEventType().getName().equals(TurnstileEvents.LOCK_WAIT)).toList();
        Map<Long, String> names = events.stream().map(RecordedEvent::getThread).filter(Objects::nonNull)
                .collect(Collectors.toMap(RecordedThread::getJavaThreadId, RecordedThread::getJavaName, (a, b) -> b));
        List<RecordedEvent> shared = waits.stream().filter(e -> e.getBoolean(TurnstileEvents.LOCK_WAIT_SHARED)).toList();
        assertTrue(shared.size() >= 50, () -> shared.size() + " shared waits recorded");
        assertTrue(shared.stream().noneMatch(e -> e.getThread().getJavaName().equals(writer)), "only readers share");
        List<String> owners = shared.stream().map(e -> e.getLong(TurnstileEvents.LOCK_WAIT_OWNER_THREAD_ID))
                .filter(id -> id != 0).map(id -> names.getOrDefault(id, "no thread with id " + id)).toList();
        // Only the writer can hold the lock exclusively; readers that queued behind a writer still waiting for
        // the lock have no owner to name.
        assertTrue(owners.stream().allMatch(writer::equals), () -> "owners of shared waits: " + owners);
        assertTrue(owners.size() >= shared.size() / 3, () -> owners.size() + " of " + shared.size() + " name the writer");
        assertTrue(waits.stream().allMatch(e -> e.getBoolean(TurnstileEvents.LOCK_WAIT_ACQUIRED)), "nothing gave up");

        Analysis analysis = new Analyzer().analyze(recording.file());
        LockReport lock = analysis.locks().get(0);
        assertEquals(LockKind.JUC, lock.kind());
        assertEquals(recording.truth().get("lock"), lock.lockClass(), "named by the class the synchronizer is in");
        assertEquals(writer, lock.owners().get(0).thread(), () -> "owners " + lock.owners());
        assertEquals(Integer.parseInt(recording.truth().get("threads")), lock.waitingThreads());
        // Readers are queued whenever the writer holds the lock, up to the half millisecond they take to arrive.
        assertTrue(lock.busy() >= recording.truthDouble("writeHeldShare") - 0.1,
                () -> "busy " + lock.busy() + " against the writer's held share " + recording.truth());
        assertTrue(lock.criticalSection().startsWith("dev.turnstile.samples.ReadWriteSample$Cache."),
                lock.criticalSection());
        assertFalse(analysis.findings().stream().noneMatch(f -> f.subject().id().equals(lock.id())),
                () -> "readers queued most of the time is a finding: " + analysis.findings());
        assertTrue(analysis.locks().stream().noneMatch(l -> l.lockClass().startsWith("java.lang.ClassValue")),
                "the agent's own work takes no monitor");
    }
}
