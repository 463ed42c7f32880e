package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overflow sample contends 5,000 distinct locks, runs 300 thread pools and, on JDK 24+, blocks 9,000 virtual
 * threads on one monitor at once: more than the agent's tables hold (4,096 locks, 256 executors, 8,192 blocked virtual
 * threads). The agent drops the rest and counts it, the program's own numbers are untouched, and the analysis tells
 * the reader what is missing and how much. A recording where nothing was dropped has no such note.
 */
class AgentDropsIT {
    private static final String FAIR_SYNC = "java.util.concurrent.locks.ReentrantLock$FairSync";

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void overflowingTheTablesIsCountedAndReported(int jdk) throws Exception {
        SampleRecording sample = SampleRecording.of(Jdks.require(jdk), "overflow");
        assertTrue(sample.outcome().stderr().lines().noneMatch(l -> l.startsWith("turnstile:")
                || l.contains("Exception")), sample.outcome()::describe);
        long tasks = (long) sample.truthDouble("tasks");
        long contended = (long) sample.truthDouble("contended");
        assertEquals(3_000, tasks, "every task of every pool ran");
        assertEquals(5_000, contended, "every lock was taken");

        List<RecordedEvent> events = RecordingFile.readAllEvents(sample.file());
        RecordedEvent statistics = events.stream().filter(e -> named(e, "turnstile.AgentStatistics"))
                .max(Comparator.comparing(RecordedEvent::getEndTime)).orElseThrow();
        long untrackedLockWaits = statistics.getLong("untrackedLockWaits");
        long untrackedSubmissions = statistics.getLong("untrackedSubmissions");
        assertEquals(4_096, statistics.getInt("lockTableCapacity"));
        assertEquals(256, statistics.getInt("executorTableCapacity"));

        // Locks: the table holds at most 4,096; the sample's fair locks it kept plus the acquisitions it could not
        // keep make the 5,000 (the JDK may contend a lock of its own once the table is full: up to 10 allowed).
        Map<Long, Long> perLock = events.stream().filter(e -> named(e, "turnstile.LockStatistics"))
                .collect(Collectors.toMap(e -> e.getLong("lockId"), e -> e.getLong("contendedAcquisitions"), Math::max));
        assertTrue(perLock.size() <= 4_096, perLock.size() + " locks in the totals");
        long fairTracked = events.stream().filter(e -> named(e, "turnstile.LockStatistics")
                        && FAIR_SYNC.equals(className(e, "synchronizerClass")))
                .collect(Collectors.toMap(e -> e.getLong("lockId"), e -> e.getLong("contendedAcquisitions"), Math::max))
                .values().stream().mapToLong(Long::longValue).sum();
        assertTrue(untrackedLockWaits > 0, "locks were dropped");
        assertTrue(fairTracked + untrackedLockWaits >= contended && fairTracked + untrackedLockWaits <= contended + 10,
                () -> "tracked " + fairTracked + " + untracked " + untrackedLockWaits + " against " + contended);

        // Executors: at most 256 tracked; their tasks plus the untracked submissions are every task, exactly.
        Map<String, Long> pools = events.stream().filter(e -> named(e, "turnstile.ExecutorTotals")
                        && e.getString("name") != null && e.getString("name").startsWith("overflow-pool-"))
                .collect(Collectors.toMap(e -> e.getString("name"), e -> e.getLong("submitted"), Math::max));
        assertTrue(pools.size() <= 256 && pools.size() >= 250, pools.size() + " pools tracked");
        assertEquals(tasks, pools.values().stream().mapToLong(Long::longValue).sum() + untrackedSubmissions);

        // The analysis says what is missing, with the agent's own numbers.
        Analysis analysis = new Analyzer().analyze(sample.file());
        List<String> notes = analysis.recording().notes();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("The agent's table of 4,096 locks was full: "
                + String.format(java.util.Locale.ROOT, "%,d", untrackedLockWaits) + " contended acquisitions")), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("The agent's table of 256 executors was full: "
                + untrackedSubmissions + " tasks submitted")), notes::toString);

        // Virtual threads blocked on a monitor at once (JDK 24+): those beyond the table's 8,192 are not recorded.
        long blocked = (long) sample.truthDouble("blockedVirtualThreads");
        long lost = statistics.getLong("lostVirtualThreadBlocks");
        assertEquals(jdk >= 24 ? 9_000 : 0, blocked);
        assertTrue(lost >= blocked - statistics.getInt("blockedVirtualThreadCapacity") && lost <= blocked,
                () -> lost + " blocked periods lost of " + blocked);
        // And every blocked thread's period is accounted for: written as an event or counted as lost (a thread that
        // retries and loses the monitor again may give one more period).
        long written = events.stream().filter(e -> named(e, "turnstile.VirtualThreadBlocked")).count();
        assertTrue(written + lost >= blocked, () -> written + " written + " + lost + " lost of " + blocked + " blocked");
        String virtualNote = "More than 8,192 virtual threads were blocked on monitors at once: "
                + String.format(java.util.Locale.ROOT, "%,d", lost) + " of their blocked periods were not recorded.";
        assertEquals(lost > 0, notes.contains(virtualNote), notes::toString);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void nothingDroppedMeansNoNote(int jdk) throws Exception {
        Analysis analysis = new Analyzer().analyze(SampleRecording.of(Jdks.require(jdk), "gil-juc").file());
        assertTrue(analysis.recording().notes().stream().noneMatch(n -> n.contains("agent's table")),
                () -> analysis.recording().notes().toString());
    }

    private static boolean named(RecordedEvent event, String name) {
        return event.getEventType().getName().equals(name);
    }

    private static String className(RecordedEvent event, String field) {
        RecordedClass type = event.getValue(field);
        return type == null ? null : type.getName();
    }
}
