package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * turnstile.ThreadStart against the churn sample, which counts the platform threads it starts from its creator
 * method and times each start from outside: one event per start, no more, no less, on 17 and 25 (where every
 * other wave is started by a thread-per-task executor, the JDK's other way of starting a platform thread).
 */
class ThreadStartIT {
    private static final String THREAD_START = "turnstile.ThreadStart";
    private static final Pattern CHURN_NAME = Pattern.compile("churn-\\d+-\\d+");

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void everyStartIsRecordedOnceWithItsLatencyCreatorAndThread(int feature) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(feature), "churn");
        long started = (long) recording.truthDouble("started");
        String prefix = recording.truth().get("namePrefix");
        String creator = recording.truth().get("creator");
        assertEquals(started, (long) recording.truthDouble("ran"), "the sample ran every thread it started");
        assertTrue(started >= 200, () -> "too few starts to test: " + recording.truth());

        List<RecordedEvent> all = RecordingFile.readAllEvents(recording.file());
        List<RecordedEvent> starts = all.stream()
                .filter(e -> e.getEventType().getName().equals(THREAD_START))
                .filter(e -> e.getString("startedThreadName").startsWith(prefix))
                .toList();
        assertEquals(started, starts.size(), "one event per Thread.start");

        Set<String> names = new HashSet<>();
        long insideNanos = 0;
        for (RecordedEvent start : starts) {
            String name = start.getString("startedThreadName");
            assertTrue(CHURN_NAME.matcher(name).matches(), name);
            names.add(name);
            RecordedThread thread = start.getValue("startedThread");
            if (thread != null) {
                assertEquals(name, thread.getJavaName(), "the started thread is the one named");
            }
            assertTrue(start.getBoolean("started"), name);
            assertEquals("main", start.getThread().getJavaName(), "started by the sample's main thread");
            assertTrue(start.getDuration().compareTo(Duration.ZERO) > 0, () -> "latency of " + name);
            insideNanos += start.getDuration().toNanos();
            assertTrue(hasFrame(start, creator), () -> name + " was not started from " + creator + ": "
                    + start.getStackTrace());
        }
        assertEquals(started, names.size(), "each thread once");
        long measuredOutside = (long) recording.truthDouble("startNanos");
        long inside = insideNanos;
        assertTrue(inside <= measuredOutside,
                () -> "time inside Thread.start " + inside + " ns exceeds the time the sample measured around it, "
                        + measuredOutside + " ns");

        long byExecutor = (long) recording.truthDouble("startedByExecutor");
        assertEquals(feature >= 21, byExecutor > 0, () -> "thread-per-task waves: " + recording.truth());
        long seenByExecutor = starts.stream().filter(e -> hasFrame(e, "java.util.concurrent.ThreadPerTaskExecutor.start"))
                .count();
        assertEquals(byExecutor, seenByExecutor, "starts through a thread-per-task executor");

        // The JDK saw the same threads start.
        long jdkStarts = all.stream().filter(e -> e.getEventType().getName().equals("jdk.ThreadStart"))
                .map(e -> e.<RecordedThread>getValue("thread"))
                .filter(t -> t != null && t.getJavaName() != null && t.getJavaName().startsWith(prefix))
                .count();
        assertEquals(started, jdkStarts, "jdk.ThreadStart agrees");

        assertTrue(recording.outcome().stderr().lines().noneMatch(l -> l.startsWith("turnstile:")),
                () -> "the agent had something to say: " + recording.outcome().stderr());
        RecordedEvent agentStart = all.stream().filter(e -> e.getEventType().getName().equals("turnstile.AgentStart"))
                .findFirst().orElseThrow();
        assertTrue(List.of(agentStart.getString("modules").split(",")).contains("threads"),
                agentStart.getString("modules"));
    }

    private static boolean hasFrame(RecordedEvent event, String qualifiedMethod) {
        if (event.getStackTrace() == null) {
            return false;
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if ((frame.getMethod().getType().getName() + "." + frame.getMethod().getName()).equals(qualifiedMethod)) {
                return true;
            }
        }
        return false;
    }
}
