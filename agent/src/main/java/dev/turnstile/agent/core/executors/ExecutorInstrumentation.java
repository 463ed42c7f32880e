package dev.turnstile.agent.core.executors;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.turnstile.agent.bridge.ExecutorStatisticsEvent;
import dev.turnstile.agent.bridge.ExecutorTimesEvent;
import dev.turnstile.agent.bridge.ExecutorTotalsEvent;
import dev.turnstile.agent.bridge.PoolStatistics;
import dev.turnstile.agent.bridge.Pools;
import dev.turnstile.agent.bridge.TaskRunEvent;
import dev.turnstile.agent.bridge.TaskSubmitEvent;
import dev.turnstile.agent.core.InstrumentationModule;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Pools: every task's submission, queue wait and run for ThreadPoolExecutor and its subclasses (including
 * ScheduledThreadPoolExecutor), seen from the pool's own methods so that tasks are never wrapped or replaced; and the
 * submissions to every other Executor. Per executor, counters and histograms; every second, a snapshot.
 */
public final class ExecutorInstrumentation implements InstrumentationModule {
    private static final Runnable EMIT_SNAPSHOTS = PoolStatistics::emitSnapshots;
    private static final Runnable EMIT_TOTALS = PoolStatistics::emitTotals;

    @Override
    public String name() {
        return "executors";
    }

    @Override
    public List<Class<? extends Event>> events() {
        return List.of(TaskRunEvent.class, TaskSubmitEvent.class, ExecutorStatisticsEvent.class,
                ExecutorTotalsEvent.class, ExecutorTimesEvent.class);
    }

    @Override
    public List<Class<?>> requiredTargets() {
        return List.of(ThreadPoolExecutor.class, ScheduledThreadPoolExecutor.class);
    }

    /** The bridge reads a new worker's first task from ThreadPoolExecutor's private Worker class. */
    @Override
    public void prepare(Instrumentation inst) {
        Module javaBase = Executor.class.getModule();
        Module bridge = Pools.class.getModule();
        inst.redefineModule(javaBase, Set.of(bridge), Map.of(),
                Map.of(Executor.class.getPackageName(), Set.of(bridge)), Set.of(), Map.of());
    }

    @Override
    public AgentBuilder instrument(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice) {
        return builder
                .type(named(ThreadPoolExecutor.class.getName()))
                .transform(advice
                        .advice(named("execute").and(takesArguments(Runnable.class)), TpeExecuteAdvice.class.getName())
                        .advice(named("reject").and(takesArguments(Runnable.class)), TpeRejectAdvice.class.getName())
                        .advice(named("getTask").and(takesArguments(0)), TpeGetTaskAdvice.class.getName())
                        .advice(named("runWorker").and(takesArguments(1)), TpeRunWorkerAdvice.class.getName()))
                .type(named(ScheduledThreadPoolExecutor.class.getName()))
                .transform(advice.advice(named("delayedExecute").or(named("reExecutePeriodic")).and(takesArguments(1)),
                        ScheduledSubmitAdvice.class.getName()))
                .type(isSubTypeOf(Executor.class).and(not(isInterface()))
                        .and(not(isSubTypeOf(ThreadPoolExecutor.class))))
                .transform(advice.advice(named("execute").and(takesArguments(Runnable.class)).and(not(isAbstract())),
                        ExecutorHandOverAdvice.class.getName()));
    }

    @Override
    public void enable(boolean on) {
        if (on) {
            FlightRecorder.addPeriodicEvent(ExecutorStatisticsEvent.class, EMIT_SNAPSHOTS);
            FlightRecorder.addPeriodicEvent(ExecutorTotalsEvent.class, EMIT_TOTALS);
        } else {
            FlightRecorder.removePeriodicEvent(EMIT_SNAPSHOTS);
            FlightRecorder.removePeriodicEvent(EMIT_TOTALS);
        }
        Pools.enabled = on;
    }
}
