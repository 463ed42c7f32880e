package dev.turnstile.agent.core;

import dev.turnstile.agent.bridge.AgentStartEvent;
import dev.turnstile.agent.bridge.Bridge;
import dev.turnstile.agent.bridge.LockWaitEvent;
import dev.turnstile.agent.bridge.LockWaits;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import jdk.jfr.FlightRecorder;

/**
 * The agent's core, called once per agent load by the launcher. Order matters: the recording must be
 * running before instrumented code can emit into it, and hooks are switched on last.
 */
public final class Agent {
    private Agent() {
    }

    public static void start(Instrumentation inst, String optionText, String version, String mode) throws Exception {
        if (!Bridge.claimStart()) {
            warn("already recording in this JVM; this agent load (" + mode + ") is ignored");
            return;
        }
        AgentOptions options = AgentOptions.parse(optionText);
        options.warnings.forEach(Agent::warn);

        FlightRecorder.register(AgentStartEvent.class);
        FlightRecorder.register(LockWaitEvent.class);
        Recorder.start(options);

        boolean instrumented = false;
        try {
            openLocksToBridge(inst);
            Instrumenter.install(inst, Agent.class.getClassLoader());
            Bridge.enabled = true;
            instrumented = true;
        } catch (Throwable t) {
            warn("java.util.concurrent locks are not instrumented (" + t + "); recording JDK events only");
        }

        // Committed once the hooks are live: readers take it as the start of the fully observed window.
        AgentStartEvent started = new AgentStartEvent();
        started.schemaVersion = Bridge.SCHEMA_VERSION;
        started.agentVersion = version;
        started.options = options.describe();
        started.locksInstrumented = instrumented;
        started.commit();
    }

    /**
     * The bridge reads a lock's owner through a protected JDK method, and advice inlined into java.base refers
     * to bridge classes, which live in the boot loader's unnamed module: java.base has to read that module and
     * open java.util.concurrent.locks to it.
     */
    private static void openLocksToBridge(Instrumentation inst) {
        Module javaBase = AbstractOwnableSynchronizer.class.getModule();
        Module bridge = LockWaits.class.getModule();
        inst.redefineModule(javaBase, Set.of(bridge), Map.of(),
                Map.of(AbstractOwnableSynchronizer.class.getPackageName(), Set.of(bridge)), Set.of(), Map.of());
    }

    static void warn(String message) {
        System.err.println("turnstile: " + message);
    }
}
