package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.profiler.SampleSources;
import dev.turnstile.analyzer.threads.Threads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording made around one part of a run (as the JUnit extension records a test body) marks that part with
 * turnstile.ObservedWindow: the analyzer's window is then exactly the marker's span, and a wait that began long before
 * it counts only from its start. Checked on real recordings made in this JVM, with a real monitor wait.
 */
class ObservedWindowTest {
    private static final long BEFORE_WINDOW_MILLIS = 1_000;
    private static final long IN_WINDOW_MILLIS = 300;

    @TempDir
    Path dir;

    /** The marker as the JUnit extension writes it (same name and fields). */
    @Name(TurnstileEvents.OBSERVED_WINDOW)
    static final class ObservedWindow extends Event {
        String source;
        String label;
    }

    /** Stands for the agent's events in a test's recording, which has no turnstile.AgentStart. */
    @Name("turnstile.test.AgentWork")
    static final class AgentWork extends Event {
    }

    /** The monitor waited for; its own class so its report is found by name. */
    static final class Gate {
    }

    private Recording recording() {
        Recording recording = new Recording();
        recording.enable(JdkEvents.MONITOR_ENTER).withThreshold(Duration.ZERO);
        recording.enable(TurnstileEvents.OBSERVED_WINDOW).withoutThreshold();
        recording.enable("turnstile.test.AgentWork");
        return recording;
    }

    /**
     * A thread starts waiting for the gate; a second later the window begins; the holder lets go inside it, and the
     * window ends after. {@code markers} windows are marked, the first around the release.
     */
    private Path recordWaitBeforeWindow(String name, int markers, boolean agentEvents) throws Exception {
        Path file = dir.resolve(name + ".jfr");
        Gate gate = new Gate();
        try (Recording recording = recording()) {
            recording.start();
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                synchronized (gate) {
                    held.countDown();
                    await(release);
                }
            }, "holder");
            holder.start();
            held.await();
            Thread waiter = new Thread(() -> {
                synchronized (gate) {
                    gate.hashCode();
                }
            }, "waiter");
            waiter.start();
            while (waiter.getState() != Thread.State.BLOCKED) {
                Thread.sleep(1);
            }
            Thread.sleep(BEFORE_WINDOW_MILLIS);

            ObservedWindow window = new ObservedWindow();
            window.source = "junit";
            window.label = "[engine:junit-jupiter]/[class:Example]/[method:test()]";
            window.begin();
            if (agentEvents) {
                new AgentWork().commit();
            }
            Thread.sleep(IN_WINDOW_MILLIS);
            release.countDown();
            holder.join();
            waiter.join();
            Thread.sleep(IN_WINDOW_MILLIS);
            window.commit();
            for (int i = 1; i < markers; i++) {
                ObservedWindow later = new ObservedWindow();
                later.source = "junit";
                later.label = "later " + i;
                later.begin();
                Thread.sleep(10);
                later.commit();
            }
            Thread.sleep(50);
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<RecordedEvent> events(Path file, String name) throws Exception {
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(name))
                .toList();
    }

    private static RecordedEvent gateWait(Path file) throws Exception {
        List<RecordedEvent> waits = events(file, JdkEvents.MONITOR_ENTER).stream()
                .filter(e -> {
                    RecordedClass monitor = e.getValue(JdkEvents.MONITOR_ENTER_CLASS);
                    return monitor != null && monitor.getName().equals(Gate.class.getName());
                })
                .toList();
        assertEquals(1, waits.size(), "one wait for the gate: " + waits);
        return waits.get(0);
    }

    private static LockReport gateLock(Analysis analysis) {
        return analysis.locks().stream()
                .filter(lock -> lock.lockClass().equals(Gate.class.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no report for the gate: " + analysis.locks()));
    }

    private static Analysis analyze(Path file) throws RecordingException {
        return new Analyzer(Calibration.defaults()).analyze(file);
    }

    @Test
    void theWindowIsTheMarkersSpanAndEarlierWaitsAreClippedToIt() throws Exception {
        Path file = recordWaitBeforeWindow("one-window", 1, true);
        RecordedEvent marker = events(file, TurnstileEvents.OBSERVED_WINDOW).get(0);
        long windowStart = Threads.epochNanos(marker.getStartTime());
        long windowEnd = Threads.epochNanos(marker.getEndTime());
        RecordedEvent wait = gateWait(file);
        long waitStart = Threads.epochNanos(wait.getStartTime());
        long waitEnd = Threads.epochNanos(wait.getEndTime());
        assertTrue(waitStart < windowStart && waitEnd > windowStart && waitEnd < windowEnd,
                "the recorded wait began before the window and ended inside it");

        Analysis analysis = analyze(file);
        assertEquals(windowEnd - windowStart, analysis.recording().durationNanos(), "the window is the marker's span");
        assertEquals(windowStart, Threads.epochNanos(analysis.recording().start()));

        LockReport gate = gateLock(analysis);
        assertEquals(waitEnd - waitStart, gate.waitNanos(), "the wait itself is reported whole");
        double window = windowEnd - windowStart;
        double inside = waitEnd - windowStart;
        assertEquals(inside / window, gate.busy(), 1e-9, "busy counts only the part inside the window");
        assertEquals(inside / window, gate.meanWaiters(), 1e-9, "so does the mean number of waiters");
        assertTrue(gate.busy() < 1.0, "a wait longer than the window did not fill it: " + gate.busy());

        List<String> notes = analysis.recording().notes();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("The observed window is the one marked by the junit"
                + " marker")), notes.toString());
        assertFalse(notes.stream().anyMatch(n -> n.startsWith("No Turnstile agent events")),
                "the agent's events are there: " + notes);
        assertTrue(notes.stream().anyMatch(n -> n.contains("start-up facts") && n.contains("JVM's main recording")),
                notes.toString());
        assertTrue(analysis.recording().sources().contains(SampleSources.AGENT), analysis.recording().sources()
                .toString());
    }

    @Test
    void withSeveralMarkersTheFirstIsTheWindow() throws Exception {
        Path file = recordWaitBeforeWindow("two-windows", 2, false);
        List<RecordedEvent> markers = events(file, TurnstileEvents.OBSERVED_WINDOW);
        assertEquals(2, markers.size());
        RecordedEvent first = markers.stream().min((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .orElseThrow();

        Analysis analysis = analyze(file);
        assertEquals(Threads.epochNanos(first.getEndTime()) - Threads.epochNanos(first.getStartTime()),
                analysis.recording().durationNanos());
        List<String> notes = analysis.recording().notes();
        assertTrue(notes.contains("The recording marks 2 observed windows (turnstile.ObservedWindow): the first is"
                + " analyzed."), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("No Turnstile agent events")),
                "the marker alone is not the agent's: " + notes);
        assertFalse(analysis.recording().sources().contains(SampleSources.AGENT));
    }

    @Test
    void withoutAMarkerTheWindowReachesBackToTheWait() throws Exception {
        Path file = dir.resolve("no-marker.jfr");
        Gate gate = new Gate();
        try (Recording recording = new Recording()) {
            recording.enable(JdkEvents.MONITOR_ENTER).withThreshold(Duration.ZERO);
            recording.start();
            Thread waiter;
            synchronized (gate) {
                waiter = new Thread(() -> {
                    synchronized (gate) {
                        gate.hashCode();
                    }
                }, "waiter");
                waiter.start();
                Thread.sleep(IN_WINDOW_MILLIS);
            }
            waiter.join();
            recording.stop();
            recording.dump(file);
        }
        Analysis analysis = analyze(file);
        long waitStart = Threads.epochNanos(gateWait(file).getStartTime());
        assertNotNull(analysis.recording().start());
        assertTrue(Threads.epochNanos(analysis.recording().start()) <= waitStart,
                "the span of the events, as before: " + analysis.recording().start());
    }
}
