package dev.turnstile.agent.core;

import java.lang.instrument.Instrumentation;
import java.util.List;
import jdk.jfr.Event;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * One thing the agent observes (locks, threads, pools, processes): the JDK classes it transforms, its advice,
 * its events, and the switch that turns its hooks on. Modules are installed together in one pass; a module that
 * cannot work in this JVM is left off without affecting the others.
 */
public interface InstrumentationModule {

    /** Short name, listed in the recording's start event and in warnings. */
    String name();

    /** The JFR events it emits, registered before the recording starts. */
    List<Class<? extends Event>> events();

    /**
     * Classes that must be transformed for the module to work. Naming them as class literals loads them before
     * the install, which then retransforms them and can check it did.
     */
    List<Class<?>> requiredTargets();

    /**
     * Checks that the module can work in this JVM and prepares what its advice needs (e.g. opening a package to
     * the bridge).
     *
     * @throws IllegalStateException saying why the module cannot work here
     */
    default void prepare(Instrumentation inst) {
    }

    /**
     * Adds its type matchers and advice ({@code advice} already locates the agent's advice classes). Only classes of
     * the boot loader reach these matchers (the JDK's; see {@link #instrumentNewClasses} for the program's).
     */
    AgentBuilder instrument(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice);

    /**
     * Adds matchers and advice for classes loaded from now on only: the install does not revisit the classes already
     * loaded for them, which matters for matchers that must look at a class's hierarchy. The builder is the module's
     * own, installed as a transformer of its own only if this returns another builder than it was given. Every class
     * the program loads passes it: a module should put a {@link ClassFilter} in front of Byte Buddy.
     */
    default AgentBuilder instrumentNewClasses(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice) {
        return builder;
    }

    /**
     * Turns its hooks on once the recording runs, or off again. Before turning them on, a module initializes the
     * bridge classes its hooks use ({@link BridgeClasses}), so that no program thread has to.
     */
    void enable(boolean on);
}
