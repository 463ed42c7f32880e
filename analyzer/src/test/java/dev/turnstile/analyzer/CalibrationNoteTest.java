package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.model.Analysis;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report says its switch costs are the defaults only when it has switch counts to cost, and only until this
 * machine is calibrated. Checked on real recordings made in this JVM.
 */
class CalibrationNoteTest {
    @TempDir
    Path dir;

    /** The scheduling event's name and fields, as the agent's periodic /proc sampler writes them. */
    @Name(TurnstileEvents.THREAD_SCHEDULING)
    static final class SchedulingCounters extends Event {
        long tid = 4242;
        String threadName = "worker";
        long onCpuNanos = 1_000_000;
        long runQueueNanos = 10_000;
        long timeslices = 50;
        long voluntarySwitches;
        long involuntarySwitches = 3;
        long intervalNanos = 1_000_000_000;
    }

    /** Any event of ours other than scheduling counters, so the plain recording is not empty. */
    @Name("turnstile.test.SomethingElse")
    static final class SomethingElse extends Event {
    }

    private Path record(String name, Event event) throws Exception {
        Path file = dir.resolve(name + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(TurnstileEvents.THREAD_SCHEDULING);
            recording.enable("turnstile.test.SomethingElse");
            recording.start();
            event.commit();
            Thread.sleep(20); // a second reading later: the recording spans a window, as a sampler's does
            event.commit();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    /** Every note of the analysis: the recording's and the scheduler view's. */
    private static List<String> notes(Path recording, Calibration calibration) throws RecordingException {
        Analysis analysis = new Analyzer(calibration).analyze(recording);
        List<String> notes = new ArrayList<>(analysis.recording().notes());
        if (analysis.scheduler() != null) {
            notes.addAll(analysis.scheduler().notes());
        }
        return notes;
    }

    private static long calibrationNotes(List<String> notes) {
        return notes.stream().filter(note -> note.contains("'turnstile calibrate --save'")).count();
    }

    private static Calibration measuredHere() {
        return new Calibration(Map.of(Calibration.Cost.HANDOFF_SAME_CPU, 700L), Instant.now(), "this machine");
    }

    @Test
    void defaultsAreNotedWhenSwitchCountsAreCosted() throws Exception {
        SchedulingCounters counters = new SchedulingCounters();
        counters.voluntarySwitches = 42;
        Path withCounters = record("with-counters", counters);
        List<String> withDefaults = notes(withCounters, Calibration.defaults());
        assertEquals(1, calibrationNotes(withDefaults), () -> "said once: " + withDefaults);
        assertEquals(0, calibrationNotes(notes(withCounters, measuredHere())), "a calibrated machine needs no note");
    }

    @Test
    void recordingsWithoutSwitchCountsAreNotCluttered() throws Exception {
        Path plain = record("plain", new SomethingElse());
        assertEquals(0, calibrationNotes(notes(plain, Calibration.defaults())));
    }
}
