package dev.turnstile.agent.core.threads;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.turnstile.agent.bridge.ThreadStartEvent;
import dev.turnstile.agent.bridge.ThreadSchedules;
import dev.turnstile.agent.bridge.ThreadStarts;
import dev.turnstile.agent.bridge.VirtualThreadBlockedEvent;
import dev.turnstile.agent.bridge.VirtualThreadBlocks;
import dev.turnstile.agent.core.BridgeClasses;
import dev.turnstile.agent.core.InstrumentationModule;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Threads: platform thread starts (how long {@code Thread.start} took and who called it), platform thread ends (where
 * a thread reads its last scheduler counters), and on JDK 24+ the monitor waits of virtual threads, which the JDK no
 * longer records once a blocked virtual thread unmounts.
 */
public final class ThreadInstrumentation implements InstrumentationModule {
    private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";
    /** Writes the finished blocked periods every second (JFR loses events committed where they end, in mount()). */
    private static final Runnable FLUSH_BLOCKED = VirtualThreadBlocks::flush;
    private static final String CONTINUATION = "jdk.internal.vm.Continuation";

    /** java.lang.VirtualThread when this JDK unmounts virtual threads blocked on monitors (24+), else null. */
    private final Class<?> unmountingVirtualThread = unmountingVirtualThread();
    /** Reads an unmounted virtual thread's stack; handed to the bridge when the hooks go on. */
    private MethodHandle continuationWalker;

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public List<Class<? extends Event>> events() {
        return List.of(ThreadStartEvent.class, VirtualThreadBlockedEvent.class);
    }

    @Override
    public List<Class<?>> requiredTargets() {
        List<Class<?>> targets = new ArrayList<>(List.of(Thread.class));
        if (unmountingVirtualThread != null) {
            targets.add(unmountingVirtualThread);
        }
        return targets;
    }

    /**
     * Advice inlined into java.base refers to bridge classes in the boot loader's unnamed module, so java.base must
     * read it. On 24+ the agent also reads the stack of unmounted virtual threads through the JDK's continuation
     * API, exported to the agent alone; without it the blocked events come without a stack.
     */
    @Override
    public void prepare(Instrumentation inst) {
        Module javaBase = Thread.class.getModule();
        inst.redefineModule(javaBase, Set.of(ThreadStarts.class.getModule()), Map.of(), Map.of(), Set.of(), Map.of());
        if (unmountingVirtualThread != null) {
            continuationWalker = continuationWalker(inst, javaBase);
        }
    }

    private MethodHandle continuationWalker(Instrumentation inst, Module javaBase) {
        try {
            Class<?> continuation = Class.forName(CONTINUATION, false, null);
            inst.redefineModule(javaBase, Set.of(), Map.of(continuation.getPackageName(), Set.of(getClass().getModule())),
                    Map.of(), Set.of(), Map.of());
            return MethodHandles.lookup()
                    .findVirtual(continuation, "stackWalker", MethodType.methodType(StackWalker.class, Set.class))
                    .asType(MethodType.methodType(StackWalker.class, Object.class, Set.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public AgentBuilder instrument(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice) {
        // start() everywhere; start(ThreadContainer) on 21+, which a 17 simply does not have. exit() is what the VM
        // calls on a platform thread as it ends, on 17 and 25 alike.
        AgentBuilder.Identified.Extendable withStarts = builder
                .type(named(Thread.class.getName()))
                .transform(advice
                        .advice(named("start").and(takesArguments(0).or(takesArguments(1))),
                                ThreadStartAdvice.class.getName())
                        .advice(named("exit").and(takesArguments(0)), ThreadExitAdvice.class.getName()));
        if (unmountingVirtualThread == null) {
            return withStarts;
        }
        return withStarts
                .type(named(VIRTUAL_THREAD))
                .transform(advice
                        .advice(named("afterYield").and(takesArguments(0)), VirtualThreadUnmountAdvice.class.getName())
                        .advice(named("mount").and(takesArguments(0)), VirtualThreadMountAdvice.class.getName()));
    }

    @Override
    public void enable(boolean on) {
        if (on) {
            BridgeClasses.initialize("ReentryGuard", "ThreadStarts", "ThreadStartEvent", "VirtualThreadBlocks",
                    "VirtualThreadBlockedEvent", "ThreadSchedules");
            VirtualThreadBlocks.continuationWalker = continuationWalker;
        }
        if (on) {
            FlightRecorder.addPeriodicEvent(VirtualThreadBlockedEvent.class, FLUSH_BLOCKED);
        } else {
            FlightRecorder.removePeriodicEvent(FLUSH_BLOCKED);
        }
        ThreadStarts.enabled = on;
        VirtualThreadBlocks.enabled = on;
    }

    /**
     * The JDK internals the virtual-thread advice relies on: a BLOCKING state (24+: before, a virtual thread
     * blocked on a monitor pins its carrier and the JDK records the wait itself), the continuation field, and the
     * methods the advice goes into.
     */
    private static Class<?> unmountingVirtualThread() {
        try {
            // Loaded, not initialized: VirtualThread's initializer creates the virtual-thread scheduler, a ForkJoinPool
            // that would take the number the program's first ForkJoinPool gets (ForkJoinPool-1-worker-1).
            Class<?> type = Class.forName(VIRTUAL_THREAD, false, null);
            type.getDeclaredField("BLOCKING");
            type.getDeclaredField("cont");
            type.getDeclaredMethod("afterYield");
            type.getDeclaredMethod("mount");
            return type;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
