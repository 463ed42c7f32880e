package dev.turnstile.agent.core;

import dev.turnstile.agent.bridge.AgentStartEvent;
import dev.turnstile.agent.bridge.AgentStatistics;
import dev.turnstile.agent.bridge.AgentStatisticsEvent;
import dev.turnstile.agent.bridge.Bridge;
import dev.turnstile.agent.bridge.ThreadSchedules;
import dev.turnstile.agent.bridge.ThreadSchedulingEvent;
import dev.turnstile.agent.bridge.DeadlockEvent;
import dev.turnstile.agent.bridge.ProfilerStartEvent;
import dev.turnstile.agent.core.profiler.ProfilerSession;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;

/**
 * The agent's core, called once per agent load by the launcher: starts the recording, installs the
 * instrumentation modules, switches on those that work, and marks the start of the observed window.
 */
public final class Agent {
    /** Kept in a field: JFR identifies a periodic hook by the very object it was given. */
    private static final Runnable EMIT_STATISTICS = AgentStatistics::emit;
    private static final Runnable SAMPLE_SCHEDULING = ThreadSchedules::sample;

    private Agent() {
    }

    public static void start(Instrumentation inst, String optionText, String version, String mode) throws Exception {
        // Options only `turnstile attach` gives (its control directory) are taken out before the others are read.
        AttachOptions attach = AttachOptions.split(optionText);
        Session session = new Session(inst, attach);
        try {
            start(inst, AgentOptions.parse(attach.agentOptions), version, mode, session);
        } catch (Exception | LinkageError e) {
            session.abandon(e);
            throw e;
        }
    }

    /** Records what it starts in {@code session}, so that an attached agent can undo it all when it detaches. */
    private static void start(Instrumentation inst, AgentOptions options, String version, String mode,
                              Session session) throws Exception {
        if (!Bridge.claimStart()) {
            warn("already recording in this JVM; this agent load (" + mode + ") is ignored");
            session.refuse("Turnstile is already recording in this JVM (started with -javaagent, or by another"
                    + " attach that has not stopped yet)");
            return;
        }
        session.claimed();
        options.warnings.forEach(Agent::warn);
        List<InstrumentationModule> modules = Modules.all();

        // Starting JFR and installing the instrumentation take about the same time and do not depend on each
        // other (the hooks stay off until both are done), so they run side by side. async-profiler starts once
        // they are done, in the background (see ProfilerSession); the recording is handed to it as soon as it runs.
        ProfilerSession profiler = ProfilerSession.prepare(options.profiler, inst);
        // Its exit hook and recording listener are held by the JDK, and would pin this agent's loader after a detach.
        session.atDetach("profiler", profiler::detach);
        RecordingStart recording = RecordingStart.begin(options, eventsOf(modules), profiler);
        Instrumenter.Installed installed = null;
        try {
            installed = Instrumenter.install(inst, Agent.class.getClassLoader(), modules);
            session.installed = installed;
            installed.failed.forEach((module, why) -> warn(module + " are not instrumented (" + why + ")"));
        } catch (RuntimeException | LinkageError e) {
            warn("nothing is instrumented (" + e + "); recording JDK events only");
        }
        try {
            recording.await();
        } catch (Exception e) {
            profiler.recordingFailed();
            if (installed != null) {
                installed.reset(inst);
                session.installed = null;
            }
            throw e;
        }
        session.recording = recording.recording();
        List<InstrumentationModule> live = installed == null ? List.of() : installed.live;
        session.live = live;
        live.forEach(module -> module.enable(true));
        String schedulerCounters = recording.schedulerCounters();
        // What the fixed-size tables had to drop, so a reader knows which numbers are incomplete.
        FlightRecorder.addPeriodicEvent(AgentStatisticsEvent.class, EMIT_STATISTICS);
        session.atDetach("agent statistics", () -> FlightRecorder.removePeriodicEvent(EMIT_STATISTICS));
        startDeadlockWatch(inst);
        session.atDetach("deadlock watch", DeadlockWatch::stop);

        // Committed once the hooks are live: readers take it as the start of the fully observed window.
        AgentStartEvent started = new AgentStartEvent();
        started.schemaVersion = Bridge.SCHEMA_VERSION;
        started.agentVersion = version;
        started.options = options.describe();
        started.modules = live.stream().map(InstrumentationModule::name).collect(Collectors.joining(","));
        started.schedulerCounters = schedulerCounters;
        started.commit();

        // The baseline of the threads' scheduler counters is taken just after the start of the observed window, so
        // that every delta written later falls inside it.
        if (RecordingStart.SCHEDULER_ON.equals(schedulerCounters)) {
            ThreadSchedules.start();
            FlightRecorder.addPeriodicEvent(ThreadSchedulingEvent.class, SAMPLE_SCHEDULING);
            session.atDetach("scheduler counters", () -> {
                FlightRecorder.removePeriodicEvent(SAMPLE_SCHEDULING);
                ThreadSchedules.stop();
            });
        }
        profiler.startInBackground();
        session.started(options.file, version);
    }

    /** A JVM without the java.management module cannot look for deadlocks; everything else still works. */
    private static void startDeadlockWatch(Instrumentation inst) {
        try {
            DeadlockWatch.start(inst);
        } catch (RuntimeException | LinkageError e) {
            warn("deadlocks are not looked for (" + e + ")");
        }
    }

    private static List<Class<? extends Event>> eventsOf(List<InstrumentationModule> modules) {
        List<Class<? extends Event>> events = new ArrayList<>();
        events.add(AgentStartEvent.class);
        events.add(AgentStatisticsEvent.class);
        events.add(DeadlockEvent.class);
        events.add(ProfilerStartEvent.class);
        events.add(ThreadSchedulingEvent.class);
        modules.forEach(module -> events.addAll(module.events()));
        return events;
    }

    static void warn(String message) {
        System.err.println("turnstile: " + message);
    }
}
