package dev.turnstile.agent.core;

import dev.turnstile.agent.bridge.AgentStatistics;
import dev.turnstile.agent.bridge.DeadlockEvent;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.FlightRecorder;

/**
 * Looks for deadlocked threads once a second, from JFR's periodic thread, and writes a {@code turnstile.Deadlock}
 * event for each cycle the first time it sees it. The JVM's own detector covers monitors and java.util.concurrent
 * locks (ownable synchronizers); it briefly stops the threads at a safepoint, 20-30 us with 200 threads and about
 * 130 us with 1,000 on a busy 2-CPU machine, so once a second costs well under 0.1 %. Stacks are read only when a
 * deadlock is found.
 */
final class DeadlockWatch {
    /** Cycles remembered so that each is written once; further new cycles are counted, not written. */
    static final int CYCLE_CAPACITY = AgentStatistics.DEADLOCK_CYCLE_CAPACITY;
    static final int MAX_THREADS_DESCRIBED = 16;
    static final int MAX_FRAMES = 32;

    private static final String HELPER_PACKAGE = "sun.management";
    /** Kept in a field: JFR identifies a periodic hook by the very object it was given. */
    private static final Runnable CHECK = DeadlockWatch::check;

    /** Touched only by JFR's periodic thread, which runs one hook at a time. */
    private static final long[] REPORTED = new long[CYCLE_CAPACITY];
    private static int reportedCount;
    private static ThreadMXBean threads;
    private static boolean broken;
    /** The JDK's own factory of its thread bean, when it could be reached; null to go through ManagementFactory. */
    private static MethodHandle threadBeanFactory;

    private DeadlockWatch() {
    }

    /** Stops the checks (at detach): JFR holds the hook, and with it this class and its loader, until removed. */
    static void stop() {
        FlightRecorder.removePeriodicEvent(CHECK);
    }

    static void start(Instrumentation inst) {
        threadBeanFactory = threadBeanFactory(inst);
        FlightRecorder.addPeriodicEvent(DeadlockEvent.class, CHECK);
    }

    /**
     * ManagementFactory.getThreadMXBean() sets up the whole platform management machinery the first time: about
     * 100 ms of CPU on a 2-CPU machine, taken from a program that is just starting. The JDK's internal factory
     * behind it makes the same bean in about 4 ms, so the agent exports its package to itself and uses it.
     */
    private static MethodHandle threadBeanFactory(Instrumentation inst) {
        try {
            Module management = ThreadMXBean.class.getModule();
            inst.redefineModule(management, Set.of(), Map.of(HELPER_PACKAGE, Set.of(DeadlockWatch.class.getModule())),
                    Map.of(), Set.of(), Map.of());
            Class<?> helper = Class.forName(HELPER_PACKAGE + ".ManagementFactoryHelper", false, null);
            return MethodHandles.lookup().findStatic(helper, "getThreadMXBean", MethodType.methodType(ThreadMXBean.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static ThreadMXBean threadBean() throws Throwable {
        return threadBeanFactory != null ? (ThreadMXBean) threadBeanFactory.invoke() : ManagementFactory.getThreadMXBean();
    }

    /** Never throws: a failure switches the check off for good rather than failing every second. */
    private static void check() {
        if (broken) {
            return;
        }
        try {
            if (threads == null) {
                threads = threadBean();
            }
            long[] ids = threads.isSynchronizerUsageSupported()
                    ? threads.findDeadlockedThreads() : threads.findMonitorDeadlockedThreads();
            if (ids == null) {
                return;
            }
            Map<Long, ThreadInfo> infos = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(ids, false, false, MAX_FRAMES)) {
                if (info != null) {
                    infos.put(info.getThreadId(), info);
                }
            }
            for (List<ThreadInfo> cycle : cycles(infos)) {
                report(cycle);
            }
        } catch (Throwable e) {
            broken = true;
        }
    }

    /** Each cycle once, following every thread to the owner of the lock it waits for. */
    static List<List<ThreadInfo>> cycles(Map<Long, ThreadInfo> infos) {
        List<List<ThreadInfo>> cycles = new ArrayList<>();
        Map<Long, Boolean> done = new HashMap<>();
        for (Long start : infos.keySet()) {
            List<ThreadInfo> path = new ArrayList<>();
            Map<Long, Integer> onPath = new HashMap<>();
            ThreadInfo current = infos.get(start);
            while (current != null && !done.containsKey(current.getThreadId())) {
                onPath.put(current.getThreadId(), path.size());
                path.add(current);
                done.put(current.getThreadId(), Boolean.TRUE);
                ThreadInfo next = infos.get(current.getLockOwnerId());
                if (next != null && onPath.containsKey(next.getThreadId())) {
                    cycles.add(new ArrayList<>(path.subList(onPath.get(next.getThreadId()), path.size())));
                    break;
                }
                current = next;
            }
        }
        return cycles;
    }

    private static void report(List<ThreadInfo> cycle) {
        long signature = signature(cycle);
        for (int i = 0; i < reportedCount; i++) {
            if (REPORTED[i] == signature) {
                return;
            }
        }
        if (reportedCount == CYCLE_CAPACITY) {
            // Counted at every check while it lasts: a reader learns that deadlocks went unwritten, not how many.
            AgentStatistics.deadlockCycleNotReported();
            return;
        }
        REPORTED[reportedCount++] = signature;
        DeadlockEvent event = new DeadlockEvent();
        if (event.shouldCommit()) {
            event.cycleSize = cycle.size();
            event.threads = describe(cycle);
            event.commit();
        }
    }

    /** The same threads make the same cycle, whichever thread the walk started from. */
    private static long signature(List<ThreadInfo> cycle) {
        long[] ids = new long[cycle.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = cycle.get(i).getThreadId();
        }
        Arrays.sort(ids);
        long hash = 1125899906842597L;
        for (long id : ids) {
            hash = 31 * hash + id;
            hash ^= hash >>> 29;
        }
        return hash;
    }

    static String describe(List<ThreadInfo> cycle) {
        StringBuilder text = new StringBuilder();
        for (ThreadInfo info : cycle.subList(0, Math.min(cycle.size(), MAX_THREADS_DESCRIBED))) {
            LockInfo lock = info.getLockInfo();
            text.append("thread\t").append(info.getThreadId())
                    .append('\t').append(clean(info.getThreadName()))
                    .append('\t').append(info.getThreadState())
                    .append('\t').append(lock == null ? "" : lock.getClassName())
                    .append('\t').append(lock == null ? "" : Integer.toHexString(lock.getIdentityHashCode()))
                    .append('\t').append(info.getLockOwnerId())
                    .append('\t').append(clean(info.getLockOwnerName()))
                    .append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                text.append('\t').append(frame.getClassName()).append('.').append(frame.getMethodName());
                if (frame.getLineNumber() > 0) {
                    text.append(':').append(frame.getLineNumber());
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** Thread names may hold anything; the line format must not break on them. */
    private static String clean(String name) {
        return name == null ? "" : name.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
