package dev.turnstile.agent.core.locks;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.turnstile.agent.bridge.LockWaitEvent;
import dev.turnstile.agent.bridge.LockWaits;
import dev.turnstile.agent.core.BridgeClasses;
import dev.turnstile.agent.core.InstrumentationModule;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import jdk.jfr.Event;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Contended acquisitions of every synchronizer built on AbstractQueuedSynchronizer (ReentrantLock, read-write
 * locks, semaphores, latches...), through the one slow path all of them share.
 */
public final class LockInstrumentation implements InstrumentationModule {

    @Override
    public String name() {
        return "locks";
    }

    @Override
    public List<Class<? extends Event>> events() {
        return List.of(LockWaitEvent.class);
    }

    @Override
    public List<Class<?>> requiredTargets() {
        return List.of(AbstractQueuedSynchronizer.class);
    }

    /**
     * The advice relies on the single slow path AQS has had since JDK 14; on an older JDK it would match nothing.
     * The bridge reads a lock's owner through a protected JDK method, and advice inlined into java.base refers to
     * bridge classes in the boot loader's unnamed module: java.base must read that module and open
     * java.util.concurrent.locks to it.
     */
    @Override
    public void prepare(Instrumentation inst) {
        boolean slowPath = false;
        for (Method method : AbstractQueuedSynchronizer.class.getDeclaredMethods()) {
            slowPath |= method.getName().equals("acquire") && method.getParameterCount() == 6;
        }
        if (!slowPath) {
            throw new IllegalStateException("this JDK's AbstractQueuedSynchronizer has no acquire(Node, int,"
                    + " boolean, boolean, boolean, long): java.util.concurrent lock waits are recorded on JDK 14+");
        }
        Module javaBase = AbstractOwnableSynchronizer.class.getModule();
        Module bridge = LockWaits.class.getModule();
        inst.redefineModule(javaBase, Set.of(bridge), Map.of(),
                Map.of(AbstractOwnableSynchronizer.class.getPackageName(), Set.of(bridge)), Set.of(), Map.of());
    }

    @Override
    public AgentBuilder instrument(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice) {
        return builder
                .type(named(AbstractQueuedSynchronizer.class.getName())
                        .or(named(AbstractQueuedLongSynchronizer.class.getName())))
                .transform(advice.advice(named("acquire").and(takesArguments(6)).and(takesArgument(2, boolean.class)),
                        AqsAcquireAdvice.class.getName()));
    }

    @Override
    public void enable(boolean on) {
        if (on) {
            BridgeClasses.initialize("ReentryGuard", "LockOwners", "LockWaits", "LockWaitEvent");
        }
        LockWaits.enabled = on;
    }
}
