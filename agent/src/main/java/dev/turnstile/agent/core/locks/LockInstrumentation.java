package dev.turnstile.agent.core.locks;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.turnstile.agent.bridge.ConditionWaitEvent;
import dev.turnstile.agent.bridge.LockCounts;
import dev.turnstile.agent.bridge.LockCountsEvent;
import dev.turnstile.agent.bridge.LockReleaseEvent;
import dev.turnstile.agent.bridge.LockStatisticsEvent;
import dev.turnstile.agent.bridge.LockTable;
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
import java.util.concurrent.locks.StampedLock;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Locks and the waits around them: contended acquisitions of every synchronizer built on
 * AbstractQueuedSynchronizer (ReentrantLock, read-write locks, semaphores, latches...) through the one slow path
 * all of them share, and of StampedLock through its own; releases that hand a lock to queued waiters (the
 * holder's side); condition waits, which are waits for a signal rather than contention; and per-lock totals.
 */
public final class LockInstrumentation implements InstrumentationModule {
    private static final Runnable EMIT_TOTALS = LockTable::emit;
    private static final Runnable EMIT_COUNTS = LockCounts::emit;

    @Override
    public String name() {
        return "locks";
    }

    @Override
    public List<Class<? extends Event>> events() {
        return List.of(LockWaitEvent.class, LockReleaseEvent.class, ConditionWaitEvent.class,
                LockStatisticsEvent.class, LockCountsEvent.class);
    }

    @Override
    public List<Class<?>> requiredTargets() {
        return List.of(AbstractQueuedSynchronizer.class, StampedLock.class);
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
        String aqs = AbstractQueuedSynchronizer.class.getName();
        String aqls = AbstractQueuedLongSynchronizer.class.getName();
        return builder
                .type(named(aqs).or(named(aqls)))
                .transform(advice
                        .advice(named("acquire").and(takesArguments(6)).and(takesArgument(2, boolean.class)),
                                AqsAcquireAdvice.class.getName())
                        .advice(named("release").and(takesArguments(1)).and(returns(boolean.class)),
                                AqsReleaseAdvice.class.getName())
                        .advice(named("releaseShared").and(takesArguments(1)).and(returns(boolean.class)),
                                AqsReleaseAdvice.Shared.class.getName()))
                .type(named(aqs + "$ConditionObject").or(named(aqls + "$ConditionObject")))
                .transform(advice
                        .advice(nameStartsWith("await").and(returns(void.class)), ConditionAwaitAdvice.class.getName())
                        .advice(nameStartsWith("await").and(returns(boolean.class)),
                                ConditionAwaitAdvice.Timed.class.getName())
                        .advice(nameStartsWith("await").and(returns(long.class)),
                                ConditionAwaitAdvice.Nanos.class.getName()))
                .type(named(StampedLock.class.getName()))
                .transform(advice
                        .advice(named("acquireWrite").and(takesArguments(boolean.class, boolean.class, long.class)),
                                StampedWriteAdvice.class.getName())
                        .advice(named("acquireRead").and(takesArguments(boolean.class, boolean.class, long.class)),
                                StampedReadAdvice.class.getName())
                        .advice(named("releaseWrite").and(takesArguments(long.class)),
                                StampedReleaseAdvice.class.getName())
                        .advice(named("unlockRead").and(takesArguments(long.class))
                                        .or(named("unstampedUnlockRead").and(takesArguments(0))),
                                StampedReleaseAdvice.Read.class.getName()));
    }

    @Override
    public void enable(boolean on) {
        if (on) {
            BridgeClasses.initialize("ReentryGuard", "LockOwners", "LockWaits", "LockWaitEvent", "LockTable",
                    "LockCounts", "LockReleases", "LockReleaseEvent", "ConditionWaits", "ConditionWaitEvent");
            FlightRecorder.addPeriodicEvent(LockStatisticsEvent.class, EMIT_TOTALS);
            FlightRecorder.addPeriodicEvent(LockCountsEvent.class, EMIT_COUNTS);
        } else {
            FlightRecorder.removePeriodicEvent(EMIT_TOTALS);
            FlightRecorder.removePeriodicEvent(EMIT_COUNTS);
        }
        LockWaits.enabled = on;
    }
}
