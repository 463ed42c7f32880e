package dev.turnstile.agent.core;

import dev.turnstile.agent.core.profiler.ProfilerSession;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/** Starts the JFR recording on a thread of its own, so the agent can install its instrumentation meanwhile. */
final class RecordingStart {
    private final Thread thread;
    private volatile Exception failure;
    private volatile Recording recording;

    private RecordingStart(AgentOptions options, List<Class<? extends Event>> events, ProfilerSession profiler) {
        thread = new Thread(() -> {
            try {
                events.forEach(FlightRecorder::register);
                recording = Recorder.start(options);
                // at once: the JVM may be told to exit before the agent has finished starting
                profiler.recordingStarted(recording);
            } catch (Exception e) {
                failure = e;
            }
        }, "turnstile-start-recording");
        thread.setDaemon(true);
    }

    /** @param profiler gets the recording as soon as it runs, to add its samples to it at exit */
    static RecordingStart begin(AgentOptions options, List<Class<? extends Event>> events, ProfilerSession profiler) {
        RecordingStart start = new RecordingStart(options, events, profiler);
        start.thread.start();
        return start;
    }

    /** Waits for the recording to run and returns it; throws what stopped it from starting. */
    Recording await() throws Exception {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return recording;
    }
}
