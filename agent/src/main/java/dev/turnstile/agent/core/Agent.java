package dev.turnstile.agent.core;

import dev.turnstile.agent.bridge.AgentStartEvent;
import dev.turnstile.agent.bridge.AgentStatistics;
import dev.turnstile.agent.bridge.AgentStatisticsEvent;
import dev.turnstile.agent.bridge.Bridge;
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

    private Agent() {
    }

    public static void start(Instrumentation inst, String optionText, String version, String mode) throws Exception {
        if (!Bridge.claimStart()) {
            warn("already recording in this JVM; this agent load (" + mode + ") is ignored");
            return;
        }
        AgentOptions options = AgentOptions.parse(optionText);
        options.warnings.forEach(Agent::warn);
        List<InstrumentationModule> modules = Modules.all();

        // Starting JFR and installing the instrumentation take about the same time and do not depend on each
        // other (the hooks stay off until both are done), so they run side by side. async-profiler starts once
        // they are done, in the background (see ProfilerSession); the recording is handed to it as soon as it runs.
        ProfilerSession profiler = ProfilerSession.prepare(options.profiler, inst);
        RecordingStart recording = RecordingStart.begin(options, eventsOf(modules), profiler);
        Instrumenter.Installed installed = null;
        try {
            installed = Instrumenter.install(inst, Agent.class.getClassLoader(), modules);
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
            }
            throw e;
        }
        List<InstrumentationModule> live = installed == null ? List.of() : installed.live;
        live.forEach(module -> module.enable(true));
        // What the fixed-size tables had to drop, so a reader knows which numbers are incomplete.
        FlightRecorder.addPeriodicEvent(AgentStatisticsEvent.class, EMIT_STATISTICS);

        // Committed once the hooks are live: readers take it as the start of the fully observed window.
        AgentStartEvent started = new AgentStartEvent();
        started.schemaVersion = Bridge.SCHEMA_VERSION;
        started.agentVersion = version;
        started.options = options.describe();
        started.modules = live.stream().map(InstrumentationModule::name).collect(Collectors.joining(","));
        started.commit();
        profiler.startInBackground();
    }

    private static List<Class<? extends Event>> eventsOf(List<InstrumentationModule> modules) {
        List<Class<? extends Event>> events = new ArrayList<>();
        events.add(AgentStartEvent.class);
        events.add(AgentStatisticsEvent.class);
        events.add(ProfilerStartEvent.class);
        modules.forEach(module -> events.addAll(module.events()));
        return events;
    }

    static void warn(String message) {
        System.err.println("turnstile: " + message);
    }
}
