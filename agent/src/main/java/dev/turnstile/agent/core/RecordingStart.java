package dev.turnstile.agent.core;

import dev.turnstile.agent.bridge.ThreadSchedules;
import dev.turnstile.agent.core.profiler.ProfilerSession;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Starts the JFR recording on a thread of its own, so the agent can install its instrumentation meanwhile; and prepares
 * the scheduler sampler there too (it reads /proc and loads the JDK's thread CPU clock).
 */
final class RecordingStart {
    static final String SCHEDULER_ON = "on";

    private final Thread thread;
    private volatile Exception failure;
    private volatile Recording recording;
    private volatile String schedulerCounters;

    private RecordingStart(AgentOptions options, List<Class<? extends Event>> events, ProfilerSession profiler) {
        thread = new Thread(() -> {
            try {
                events.forEach(FlightRecorder::register);
                recording = Recorder.start(options);
                // at once: the JVM may be told to exit before the agent has finished starting
                profiler.recordingStarted(recording);
            } catch (Exception e) {
                failure = e;
                return;
            }
            schedulerCounters = schedulerCounters(options);
        }, "turnstile-start-recording");
        thread.setDaemon(true);
    }

    /** @param profiler gets the recording as soon as it runs, to add its samples to it at exit */
    static RecordingStart begin(AgentOptions options, List<Class<? extends Event>> events, ProfilerSession profiler) {
        RecordingStart start = new RecordingStart(options, events, profiler);
        start.thread.start();
        return start;
    }

    /**
     * Whether the threads' scheduler counters can be sampled: without /proc nothing is sampled, and the recording
     * says why rather than stderr (on macOS or Windows that is simply how it is).
     */
    private static String schedulerCounters(AgentOptions options) {
        if (options.schedPeriodNanos == 0) {
            return "off";
        }
        try {
            String unavailable = ThreadSchedules.prepare();
            return unavailable == null ? SCHEDULER_ON : "unavailable: " + unavailable;
        } catch (RuntimeException | LinkageError e) {
            return "unavailable: " + e;
        }
    }

    /** What the recording's start event says about the scheduler counters; valid once {@link #await} returned. */
    String schedulerCounters() {
        return schedulerCounters;
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

    /** The running recording, once {@link #await} returned. */
    Recording recording() {
        return recording;
    }
}
