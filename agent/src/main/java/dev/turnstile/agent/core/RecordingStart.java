package dev.turnstile.agent.core;

import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/** Starts the JFR recording on a thread of its own, so the agent can install its instrumentation meanwhile. */
final class RecordingStart {
    private final Thread thread;
    private volatile Exception failure;
    private volatile Recording recording;

    private RecordingStart(AgentOptions options, List<Class<? extends Event>> events) {
        thread = new Thread(() -> {
            try {
                events.forEach(FlightRecorder::register);
                recording = Recorder.start(options);
            } catch (Exception e) {
                failure = e;
            }
        }, "turnstile-start-recording");
        thread.setDaemon(true);
    }

    static RecordingStart begin(AgentOptions options, List<Class<? extends Event>> events) {
        RecordingStart start = new RecordingStart(options, events);
        start.thread.start();
        return start;
    }

    /** Waits for the recording to run; throws what stopped it from starting. */
    void await() throws Exception {
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
    }

    /** The running recording, once {@link #await} returned. */
    Recording recording() {
        return recording;
    }
}
