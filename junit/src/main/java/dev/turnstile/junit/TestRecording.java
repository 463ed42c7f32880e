package dev.turnstile.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * A JFR recording of one test body, beside the agent's own. JFR writes every enabled event into shared chunks, and a
 * recording holds the chunks of its lifetime: started with the agent's settings, this one gets the agent's
 * {@code turnstile.*} events and the JDK's lock events of the test body (starting and stopping it begins a new chunk,
 * so little else). The agent's recording runs on undisturbed. The body's span is marked with a
 * {@link ObservedWindowEvent}, which the analyzer takes as the window to judge.
 */
final class TestRecording {
    /** The name the agent gives its recording (agent: Recorder); how the extension knows the agent runs here. */
    static final String AGENT_RECORDING = "Turnstile";

    /** What marks the window the analyzer judges. */
    static final String SOURCE = "junit";

    private final Recording recording;
    private final Path file;
    private ObservedWindowEvent window;

    private TestRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** The agent's running recording, or empty when the agent does not run in this JVM. */
    static Optional<Recording> agentRecording() {
        // The agent starts JFR before any test runs; without it, asking FlightRecorder would start JFR for nothing.
        if (!FlightRecorder.isAvailable() || !FlightRecorder.isInitialized()) {
            return Optional.empty();
        }
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> AGENT_RECORDING.equals(r.getName()) && r.getState() == RecordingState.RUNNING)
                .findFirst();
    }

    /** Starts recording with the agent's settings (its events and thresholds); {@code file} is written at the end. */
    static TestRecording start(Recording agent, String testName, Path file, Duration timeout) {
        return Bounded.call("starting the recording", timeout, () -> {
            Recording recording = new Recording(agent.getSettings());
            recording.setName("Turnstile test " + testName);
            recording.setToDisk(true);
            recording.setDumpOnExit(false);
            // the agent's settings do not name the marker; enabled here, JFR also writes it into the agent's
            // recording, which the analyzer knows by its start event and analyzes whole
            recording.enable(ObservedWindowEvent.NAME).withoutThreshold().withoutStackTrace();
            recording.start();
            return new TestRecording(recording, file);
        });
    }

    /** Marks the start of the observed window: call right before the test body. */
    void bodyStarts(String label) {
        window = new ObservedWindowEvent();
        window.source = SOURCE;
        window.label = label;
        window.begin();
    }

    /** Marks its end: call right after the body, before {@link #stop}. */
    void bodyEnded() {
        if (window != null) {
            window.commit();
            window = null;
        }
    }

    /** Stops, writes the file (replacing one from an earlier run) and releases JFR's copy. */
    Path stop(Duration timeout) {
        return Bounded.call("writing the recording " + file, timeout, () -> {
            try {
                recording.stop();
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.deleteIfExists(file);
                recording.dump(file);
                return file;
            } catch (IOException e) {
                throw new IllegalStateException("Turnstile: cannot write " + file + " (" + e.getMessage() + ")", e);
            } finally {
                recording.close();
            }
        });
    }
}
