package dev.turnstile.agent.core;

import dev.turnstile.agent.bridge.Bridge;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * What one agent load started, so that an agent loaded by {@code turnstile attach} can take it all back when asked
 * to stop: the recording, the hooks, the periodic events, the transformed classes, the bridge's start claim. An
 * agent started with {@code -javaagent} keeps its session until the JVM exits, and nothing here runs.
 *
 * <p>Undoing goes in this order: the recording stops first, while every hook and periodic event is still in place,
 * so that the totals written at the end of its last chunk are complete; then the hooks are switched off and the
 * periodic events removed; then the classes are retransformed without the advice; last the bridge forgets the
 * session. What is left afterwards is the bridge's few classes on the boot class path, switched off, and the JFR
 * event types registered with the JDK.
 */
final class Session {
    private final Instrumentation inst;
    private final ControlChannel control;
    private final long owner;
    private boolean claimed;
    private volatile boolean running;
    private volatile boolean detached;
    private final List<String> stepNames = new ArrayList<>();
    private final List<Runnable> steps = new ArrayList<>();

    /** Set by the agent as it starts them. */
    volatile Instrumenter.Installed installed;
    volatile Recording recording;
    volatile List<InstrumentationModule> live = List.of();

    Session(Instrumentation inst, AttachOptions options) {
        this.inst = inst;
        this.control = options.attached() ? new ControlChannel(options.control) : null;
        this.owner = options.owner;
    }

    /**
     * The bridge's start claim is this session's: releasing it is part of detaching. An attached session's control
     * thread starts now, before any hook is on, so that the agent never records its own thread; it acts only once
     * the session runs.
     */
    void claimed() {
        claimed = true;
        if (control != null) {
            ControlPoller.start(this, control, owner);
        }
    }

    /**
     * Something to undo when detaching, after the recording stopped and before the classes are restored (a
     * periodic event, a profiler, a sampler thread). Steps run newest first; one that fails does not stop the others.
     */
    synchronized void atDetach(String name, Runnable step) {
        stepNames.add(name);
        steps.add(step);
    }

    /** The agent runs: tell {@code turnstile attach}, and from now on listen for its stop request. */
    void started(Path recordingFile, String agentVersion) {
        if (control == null) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("recording", recordingFile.toString());
        // JFR's disk repository: if the JVM is killed, the chunks written so far are there.
        facts.put("repository", String.valueOf(System.getProperty("jdk.jfr.repository", "")));
        facts.put("startedAt", String.valueOf(System.currentTimeMillis()));
        facts.put("agentVersion", String.valueOf(agentVersion));
        facts.put("modules", live.stream().map(InstrumentationModule::name).collect(Collectors.joining(",")));
        Instrumenter.Installed installed = this.installed;
        facts.put("notInstrumented", installed == null ? "all modules" : installed.failed.entrySet().stream()
                .map(failed -> failed.getKey() + " (" + failed.getValue() + ")").collect(Collectors.joining("; ")));
        if (!control.write(ControlChannel.STARTED, facts)) {
            // Nobody could ever ask this session to stop: do not leave it recording.
            detach();
            return;
        }
        running = true;
    }

    /** True from the moment {@code turnstile attach} was told the session runs. */
    boolean running() {
        return running;
    }

    boolean detached() {
        return detached;
    }

    /** Another session holds the JVM: say so to {@code turnstile attach}, which is waiting for an answer. */
    void refuse(String why) {
        if (control != null) {
            control.write(ControlChannel.FAILED, Map.of("reason", why));
        }
    }

    /** The agent failed to start: undo what it started, if it was attached, and say why. */
    void abandon(Throwable failure) {
        if (control == null) {
            return;
        }
        detach();
        control.write(ControlChannel.FAILED, Map.of("reason", String.valueOf(failure)));
    }

    /**
     * Undoes everything this session started. Never throws; runs once.
     *
     * @return what the {@code stopped} marker reports: the recording, how many classes were restored, problems
     */
    synchronized Map<String, String> detach() {
        Map<String, String> outcome = new LinkedHashMap<>();
        if (detached) {
            outcome.put("problems", "already detached");
            return outcome;
        }
        detached = true;
        List<String> problems = new ArrayList<>();
        stopRecording(outcome, problems);
        for (InstrumentationModule module : live) {
            quietly(problems, "switching off " + module.name(), () -> module.enable(false));
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            quietly(problems, "undoing " + stepNames.get(i), steps.get(i));
        }
        boolean restored = true;
        Instrumenter.Installed installed = this.installed;
        if (installed != null) {
            try {
                ClassRestore restore = installed.restore(inst);
                restored = restore.complete();
                outcome.put("restoredClasses", String.valueOf(restore.classes()));
                if (!restored) {
                    problems.add("restoring classes: " + restore.problems());
                }
            } catch (RuntimeException | LinkageError e) {
                restored = false;
                problems.add("restoring classes: " + e);
            }
        }
        outcome.put("restored", String.valueOf(restored));
        if (claimed) {
            boolean classesRestored = restored;
            quietly(problems, "ending the session", () -> Bridge.endSession(classesRestored));
        }
        outcome.put("problems", String.join("; ", problems));
        return outcome;
    }

    private void stopRecording(Map<String, String> outcome, List<String> problems) {
        Recording recording = this.recording;
        if (recording == null) {
            return;
        }
        Path file = recording.getDestination();
        outcome.put("recording", String.valueOf(file));
        if (recording.getState() == RecordingState.RUNNING) {
            // Writes the recording to its destination; the end-of-chunk periodic events run first, in this thread.
            quietly(problems, "stopping the recording", recording::stop);
        } else {
            problems.add("the recording was " + recording.getState().name().toLowerCase(java.util.Locale.ROOT)
                    + " by someone else before the agent stopped it");
        }
        quietly(problems, "closing the recording", recording::close);
        if (file != null && !Files.isRegularFile(file)) {
            problems.add("the recording was not written to " + file);
        }
    }

    private static void quietly(List<String> problems, String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            problems.add(what + ": " + e);
        }
    }
}
