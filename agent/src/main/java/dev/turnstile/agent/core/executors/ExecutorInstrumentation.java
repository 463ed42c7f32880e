package dev.turnstile.agent.core.executors;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
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
import dev.turnstile.agent.core.BridgeClasses;
import dev.turnstile.agent.core.ClassFilter;
import dev.turnstile.agent.core.InstrumentationModule;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Pools: every task's submission, queue wait and run for ThreadPoolExecutor and its subclasses (including
 * ScheduledThreadPoolExecutor) and for ForkJoinPool (common pool and CompletableFuture's async tasks included), seen
 * from the pools' own methods so that tasks are never wrapped or replaced; and the submissions to every other
 * Executor. Per executor, counters and histograms; every second, a snapshot.
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

    /** Where ForkJoinPool workers run tasks; loaded in {@link #prepare}, as it is package-private. */
    private Class<?> workQueue;

    @Override
    public List<Class<?>> requiredTargets() {
        return workQueue == null
                ? List.of(ThreadPoolExecutor.class, ScheduledThreadPoolExecutor.class, ForkJoinPool.class)
                : List.of(ThreadPoolExecutor.class, ScheduledThreadPoolExecutor.class, ForkJoinPool.class, workQueue);
    }

    /** The bridge reads a new worker's first task from ThreadPoolExecutor's private Worker class. */
    @Override
    public void prepare(Instrumentation inst) {
        try {
            workQueue = Class.forName(ForkJoinPool.class.getName() + "$WorkQueue", false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this JDK's ForkJoinPool has no WorkQueue class", e);
        }
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
                        .advice(named("addWorker").and(takesArguments(Runnable.class, boolean.class)),
                                TpeAddWorkerAdvice.class.getName())
                        .advice(named("getTask").and(takesArguments(0)), TpeGetTaskAdvice.class.getName())
                        .advice(named("runWorker").and(takesArguments(1)), TpeRunWorkerAdvice.class.getName()))
                .type(named(ScheduledThreadPoolExecutor.class.getName()))
                .transform(advice.advice(named("delayedExecute").or(named("reExecutePeriodic")).and(takesArguments(1)),
                        ScheduledSubmitAdvice.class.getName()))
                .type(named(ForkJoinPool.class.getName()))
                .transform(advice
                        .advice(named("externalSubmit").or(named("executeEnabledScheduledTask"))
                                .and(takesArguments(1)), ForkJoinSubmitAdvice.class.getName())
                        .advice(named("poolSubmit").and(takesArguments(2)), ForkJoinSubmitAdvice.Second.class.getName()))
                .type(named(ForkJoinPool.class.getName() + "$WorkQueue"))
                .transform(advice
                        .advice(named("topLevelExec").and(takesArguments(2)), ForkJoinRunAdvice.class.getName())
                        .advice(named("tryPoll").and(takesArguments(0)), ForkJoinNextAdvice.class.getName()));
    }

    /**
     * Every other Executor, as its class is loaded. Checked cheaply first (does the class file name an execute
     * method taking a Runnable? does the class declare one?) so that most classes are passed over without being
     * read, and the rest without resolving their hierarchy.
     */
    @Override
    public AgentBuilder instrumentNewClasses(AgentBuilder builder, AgentBuilder.Transformer.ForAdvice advice) {
        ElementMatcher.Junction<MethodDescription> execute = named("execute").and(takesArguments(Runnable.class));
        return builder
                .with(ClassFilter.filesContainingAll("execute", "(Ljava/lang/Runnable;)"))
                .type(not(isInterface()).and(declaresMethod(execute.and(not(isAbstract()))))
                        .and(isSubTypeOf(Executor.class))
                        .and(not(isSubTypeOf(ThreadPoolExecutor.class))).and(not(isSubTypeOf(ForkJoinPool.class))))
                .transform(advice.advice(execute.and(not(isAbstract())), ExecutorHandOverAdvice.class.getName()));
    }

    @Override
    public void enable(boolean on) {
        if (on) {
            BridgeClasses.initialize("ReentryGuard", "Pools", "ExecutorTable", "PendingTasks", "TimeHistogram",
                    "WorkerTasks", "TaskRunEvent", "TaskSubmitEvent");
            FlightRecorder.addPeriodicEvent(ExecutorStatisticsEvent.class, EMIT_SNAPSHOTS);
            FlightRecorder.addPeriodicEvent(ExecutorTotalsEvent.class, EMIT_TOTALS);
        } else {
            FlightRecorder.removePeriodicEvent(EMIT_SNAPSHOTS);
            FlightRecorder.removePeriodicEvent(EMIT_TOTALS);
        }
        Pools.enabled = on;
    }
}
