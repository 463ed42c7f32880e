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
 * so little else). The agent's recording runs on undisturbed.
 */
final class TestRecording {
    /** The name the agent gives its recording (agent: Recorder); how the extension knows the agent runs here. */
    static final String AGENT_RECORDING = "Turnstile";

    private final Recording recording;
    private final Path file;

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
            recording.start();
            return new TestRecording(recording, file);
        });
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
