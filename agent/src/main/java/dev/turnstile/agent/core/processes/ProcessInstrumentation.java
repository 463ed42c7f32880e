package dev.turnstile.agent.core.processes;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.turnstile.agent.bridge.ProcessExitEvent;
import dev.turnstile.agent.bridge.ProcessStartEvent;
import dev.turnstile.agent.bridge.Spawns;
import dev.turnstile.agent.core.BridgeClasses;
import dev.turnstile.agent.core.InstrumentationModule;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Event;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Child processes: every spawn (latency, pid, redacted command line, working directory, failure, spawning stack)
 * and every exit (exit code, lifetime), through the one private method all spawns share and the JDK's own reaper.
 */
public final class ProcessInstrumentation implements InstrumentationModule {

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public List<Class<? extends Event>> events() {
        return List.of(ProcessStartEvent.class, ProcessExitEvent.class);
    }

    @Override
    public List<Class<?>> requiredTargets() {
        return List.of(ProcessBuilder.class);
    }

    /**
     * The advice relies on {@code ProcessBuilder.start(Redirect[])} (JDK 9 to 25 at least). Advice inlined into
     * java.base refers to bridge classes in the boot loader's unnamed module, so java.base must read it; and the
     * bridge learns of exits from {@code ProcessHandleImpl}'s private table of pending exits, so java.lang is opened
     * to the bridge's module (the boot class path), not to the program's classes.
     */
    @Override
    public void prepare(Instrumentation inst) {
        boolean sharedPath = false;
        for (Method method : ProcessBuilder.class.getDeclaredMethods()) {
            sharedPath |= method.getName().equals("start")
                    && Arrays.equals(method.getParameterTypes(), new Class<?>[] {ProcessBuilder.Redirect[].class});
        }
        if (!sharedPath) {
            throw new IllegalStateException("this JDK's ProcessBuilder has no start(Redirect[]), the method every"
                    + " spawn goes through on JDK 9 to 25");
        }
        Module javaBase = ProcessBuilder.class.getModule();
        Module bridge = Spawns.class.getModule();
        inst.redefineModule(javaBase, Set.of(bridge), Map.of(),
                Map.of(ProcessBuilder.class.getPackageName(), Set.of(bridge)), Set.of(), Map.of());
        if (!Spawns.canWatchExits()) {
            throw new IllegalStateException("cannot read the JDK's table of pending process exits"
                    + " (java.lang.ProcessHandleImpl.completions), so exits could not be recorded");
        }
    }

    @Override
    public AgentBuilder instrument(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice) {
        return builder
                .type(named(ProcessBuilder.class.getName()))
                .transform(advice.advice(named("start").and(isPrivate()).and(takesArguments(1))
                                .and(takesArgument(0, ProcessBuilder.Redirect[].class)),
                        ProcessStartAdvice.class.getName()));
    }

    @Override
    public void enable(boolean on) {
        if (on) {
            BridgeClasses.initialize("ReentryGuard", "Spawns", "CommandLineRedactor", "ChildExits", "ExitWatch",
                    "ProcessStartEvent", "ProcessExitEvent");
        }
        Spawns.enabled = on;
    }
}
