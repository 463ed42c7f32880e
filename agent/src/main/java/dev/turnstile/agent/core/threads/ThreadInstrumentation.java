package dev.turnstile.agent.core.threads;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.turnstile.agent.bridge.ThreadStartEvent;
import dev.turnstile.agent.bridge.ThreadStarts;
import dev.turnstile.agent.core.BridgeClasses;
import dev.turnstile.agent.core.InstrumentationModule;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Event;
import net.bytebuddy.agent.builder.AgentBuilder;

/** Threads: platform thread starts (how long {@code Thread.start} took and who called it). */
public final class ThreadInstrumentation implements InstrumentationModule {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public List<Class<? extends Event>> events() {
        return List.of(ThreadStartEvent.class);
    }

    @Override
    public List<Class<?>> requiredTargets() {
        return List.of(Thread.class);
    }

    /** Advice inlined into java.base refers to bridge classes in the boot loader's unnamed module. */
    @Override
    public void prepare(Instrumentation inst) {
        inst.redefineModule(Thread.class.getModule(), Set.of(ThreadStarts.class.getModule()), Map.of(), Map.of(),
                Set.of(), Map.of());
    }

    @Override
    public AgentBuilder instrument(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice) {
        // start() everywhere; start(ThreadContainer) on 21+, which a 17 simply does not have.
        return builder
                .type(named(Thread.class.getName()))
                .transform(advice.advice(named("start").and(takesArguments(0).or(takesArguments(1))),
                        ThreadStartAdvice.class.getName()));
    }

    @Override
    public void enable(boolean on) {
        if (on) {
            BridgeClasses.initialize("ReentryGuard", "ThreadStarts", "ThreadStartEvent");
        }
        ThreadStarts.enabled = on;
    }
}
