package dev.turnstile.analyzer.scheduler;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.ThreadWaits;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.jfr.JfrClass;
import dev.turnstile.analyzer.jfr.JfrThread;
import dev.turnstile.analyzer.model.ParallelismSlice;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.model.ThreadGroupSchedule;
import dev.turnstile.analyzer.model.ThreadSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.model.ThreadTimeline;
import dev.turnstile.analyzer.stacks.StackResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the scheduler view during the streaming pass: the agent's per-thread kernel counters, joined by OS thread id
 * to the threads JFR names on its events, and each thread's off-CPU time split by the waits recorded on it.
 */
public final class SchedulerCollector implements ThreadWaits {
    private static final String SYSTEM_GROUP = "system";
    private final StackResolver stacks;
    private static final int JOINED_KEPT = 65_536;
    private final Map<Long, ThreadAccumulator> threads = new HashMap<>();
    private final Map<JfrThread, ThreadAccumulator> joined = new IdentityHashMap<>();
    private final CpuTimeline timeline = new CpuTimeline();
    private long samples;
    /** Threads given a timeline so far. */
    private int timelines;
    static final int TIMELINE_THREADS_KEPT = 256;

    public SchedulerCollector(StackResolver stacks) {
        this.stacks = stacks;
    }

    public void onThreadScheduling(EventView event) {
        long tid = event.getLong(TurnstileEvents.THREAD_SCHEDULING_TID);
        ThreadAccumulator thread = thread(tid);
        long onCpu = event.getLong(TurnstileEvents.THREAD_SCHEDULING_ON_CPU);
        long runQueue = event.getLong(TurnstileEvents.THREAD_SCHEDULING_RUN_QUEUE);
        long interval = event.getLong(TurnstileEvents.THREAD_SCHEDULING_INTERVAL);
        long readAgo = event.hasField(TurnstileEvents.THREAD_SCHEDULING_READ_AGO)
                ? event.getLong(TurnstileEvents.THREAD_SCHEDULING_READ_AGO) : 0;
        long readAt = event.startNanos() - readAgo;
        thread.kernelName = event.getString(TurnstileEvents.THREAD_SCHEDULING_NAME);
        thread.running += onCpu;
        thread.runnable += runQueue;
        thread.timeslices += event.getLong(TurnstileEvents.THREAD_SCHEDULING_TIMESLICES);
        long voluntary = event.getLong(TurnstileEvents.THREAD_SCHEDULING_VOLUNTARY);
        long involuntary = event.getLong(TurnstileEvents.THREAD_SCHEDULING_INVOLUNTARY);
        thread.voluntary += voluntary;
        thread.involuntary += involuntary;
        thread.sampled = true;
        boolean ended = event.hasField(TurnstileEvents.THREAD_SCHEDULING_ENDED)
                && event.getBoolean(TurnstileEvents.THREAD_SCHEDULING_ENDED);
        if (ended) {
            thread.endRead(readAt);
        } else {
            thread.sampled(readAt);
        }
        timeline.add(readAt, interval, onCpu, runQueue, voluntary + involuntary);
        if (thread.states != null || startTimeline(thread)) {
            thread.states.addCpu(readAt - Math.max(0, interval), readAt, onCpu, runQueue);
        }
        samples++;
    }

    /** Every event names a thread: this is how OS thread ids are joined to Java threads. */
    public void onAnyEvent(EventView event) {
        JfrThread thread = event.thread();
        if (thread != null) {
            join(thread);
        }
    }

    public void onThreadStart(EventView event) {
        ThreadAccumulator thread = join(event.getThread(JdkEvents.THREAD_START_THREAD));
        if (thread != null) {
            thread.started(event.startNanos());
        }
    }

    public void onThreadEnd(EventView event) {
        ThreadAccumulator thread = join(event.getThread(JdkEvents.THREAD_END_THREAD));
        if (thread != null) {
            thread.ended(event.startNanos());
        }
    }

    @Override
    public void onMonitorEnter(EventView event) {
        addWait(event, OffCpuState.BLOCKED);
    }

    @Override
    public void onLockWait(EventView event) {
        JfrClass synchronizer = event.getJavaClass(TurnstileEvents.LOCK_WAIT_SYNCHRONIZER_CLASS);
        addWait(event, WaitKinds.ofLockWait(synchronizer == null ? null : synchronizer.name()));
    }

    @Override
    public void onPark(EventView event) {
        JfrClass blocker = event.hasField(JdkEvents.THREAD_PARK_PARKED_CLASS)
                ? event.getJavaClass(JdkEvents.THREAD_PARK_PARKED_CLASS) : null;
        addWait(event, WaitKinds.ofPark(blocker == null ? null : blocker.name()));
    }

    @Override
    public void onSignalWait(EventView event) {
        addWait(event, OffCpuState.WAITING);
    }

    @Override
    public void onSleep(EventView event) {
        addWait(event, OffCpuState.SLEEPING);
    }

    @Override
    public void onIo(EventView event) {
        addWait(event, OffCpuState.IO);
    }

    private void addWait(EventView event, OffCpuState state) {
        ThreadAccumulator accumulator = join(event.thread());
        if (accumulator == null) {
            return;
        }
        if (stacks.resolve(event.stackTrace()).agentWork()) {
            return; // the agent's own waits (its /proc reads, its start-up) are not the program's
        }
        long start = event.startNanos();
        long end = event.endNanos();
        accumulator.addWait(state, start, end);
        if (accumulator.states != null || startTimeline(accumulator)) {
            accumulator.states.addWait(state, start, end);
        }
    }

    /** Timelines for the first {@link #TIMELINE_THREADS_KEPT} threads with data: their memory stays bounded. */
    private boolean startTimeline(ThreadAccumulator thread) {
        if (timelines >= TIMELINE_THREADS_KEPT) {
            return false;
        }
        timelines++;
        thread.states = new StateSeries();
        return true;
    }

    private ThreadAccumulator join(JfrThread recorded) {
        if (recorded == null) {
            return null;
        }
        // The reader hands out one JfrThread per thread and chunk, and every event names its thread: reading
        // the thread's fields by name for each event was most of the analyzer's time on a large recording.
        ThreadAccumulator known = joined.get(recorded);
        if (known != null) {
            known.lastSeen = recorded;
            return known;
        }
        if (recorded.osThreadId() <= 0) {
            return null;
        }
        ThreadAccumulator thread = thread(recorded.osThreadId());
        if (joined.size() >= JOINED_KEPT) {
            joined.clear(); // bounded: threads x chunks would otherwise grow with the recording
        }
        joined.put(recorded, thread);
        thread.lastSeen = recorded;
        return thread;
    }

    /**
     * A thread is named as the last event that named it saw it (the JVM renames its main thread DestroyJavaVM at
     * exit, but async-profiler's chunk, appended after, still says main).
     */
    private void nameThreads() {
        for (ThreadAccumulator thread : threads.values()) {
            if (thread.lastSeen != null) {
                name(thread, thread.lastSeen);
            }
        }
    }

    private static void name(ThreadAccumulator thread, JfrThread recorded) {
        String javaName = recorded.javaName();
        if (javaName != null && !javaName.equals(thread.javaName)) {
            thread.javaName = javaName;
            thread.javaThreadId = recorded.javaThreadId();
            // The JVM puts its compiler, service and reference threads in "system" itself; everything the
            // application starts, carrier threads of virtual threads included, is in a group below it.
            thread.jvmInternal = SYSTEM_GROUP.equals(recorded.groupName());
        }
    }

    private ThreadAccumulator thread(long tid) {
        return threads.computeIfAbsent(tid, ThreadAccumulator::new);
    }

    public boolean hasCounters() {
        return samples > 0;
    }

    /**
     * @param windowStart  epoch nanoseconds where the observed window starts
     * @param periodNanos  the agent's sampling period, 0 if unknown
     * @return the view, or null when the recording has no per-thread counters
     */
    public SchedulerReport report(long windowStart, long windowNanos, long periodNanos, int cpus,
                                  Calibration calibration) {
        if (!hasCounters() || windowNanos <= 0) {
            return null;
        }
        nameThreads();
        long windowEnd = windowStart + windowNanos;
        List<ThreadSchedule> schedules = new ArrayList<>();
        ThreadStates total = ThreadStates.NONE;
        ThreadStates application = ThreadStates.NONE;
        for (ThreadAccumulator thread : threads.values()) {
            // A thread JFR saw but whose counters never moved is in the view only if JFR names it (a Java thread):
            // it was alive and idle. Other ids on events without counters (virtual threads' carriers) are not.
            if (!thread.sampled && thread.javaName == null) {
                continue;
            }
            ThreadSchedule schedule = thread.schedule(windowStart, windowEnd);
            schedules.add(schedule);
            total = total.plus(schedule.states());
            if (!schedule.jvmInternal()) {
                application = application.plus(schedule.states());
            }
        }
        Comparator<ThreadStates> busiest = Comparator.comparingLong(s -> s.running() + s.runnable());
        schedules.sort(Comparator.comparing(ThreadSchedule::states, busiest.reversed())
                .thenComparing(ThreadSchedule::name));

        SchedulerReport.SwitchCost switchCost = switchCost(calibration);
        List<ThreadGroupSchedule> groups = groups(schedules, windowNanos, switchCost.perSwitchNanos());
        groups.sort(Comparator.comparing(ThreadGroupSchedule::states, busiest.reversed())
                .thenComparing(ThreadGroupSchedule::name));

        long sliceNanos = CpuTimeline.sliceNanosFor(windowNanos);
        List<ParallelismSlice> slices = timeline.slices(windowStart, windowEnd, sliceNanos);
        double peak = slices.stream().filter(s -> s.lengthNanos() * 2 >= sliceNanos)
                .mapToDouble(ParallelismSlice::cpusInUse).max().orElse(0);
        SchedulerReport.Load all = load(total, windowNanos);
        SchedulerReport.Load app = load(application, windowNanos);
        List<String> notes = notes(switchCost, app, cpus);
        return new SchedulerReport(periodNanos, total, all.runQueueShare(), all.meanThreadsWantingCpu(), app,
                total.running() / (double) windowNanos, peak, sliceNanos, slices, switchCost, groups, schedules, notes,
                threadTimelines(schedules, windowStart, windowEnd));
    }

    /** The busiest threads' timelines, the application's threads before the JVM's own, on one grid of slices. */
    private List<ThreadTimeline> threadTimelines(List<ThreadSchedule> schedules, long windowStart, long windowEnd) {
        List<ThreadAccumulator> chosen = new ArrayList<>();
        for (boolean internal : new boolean[] {false, true}) {
            for (ThreadSchedule schedule : schedules) {
                ThreadAccumulator thread = threads.get(schedule.tid());
                if (schedule.jvmInternal() == internal && thread != null && thread.states != null
                        && chosen.size() < SchedulerReport.TIMELINE_THREADS) {
                    chosen.add(thread);
                }
            }
        }
        long width = chosen.stream().mapToLong(t -> t.states.width()).max().orElse(CpuTimeline.SECOND);
        List<ThreadTimeline> timelines = new ArrayList<>();
        for (ThreadAccumulator thread : chosen) {
            timelines.add(thread.timeline(windowStart, windowEnd, width));
        }
        return timelines;
    }

    private static SchedulerReport.Load load(ThreadStates states, long windowNanos) {
        return new SchedulerReport.Load(states, states.runQueueShare() == null ? 0 : states.runQueueShare(),
                (states.running() + states.runnable()) / (double) windowNanos);
    }

    private static List<ThreadGroupSchedule> groups(List<ThreadSchedule> schedules, long windowNanos,
                                                    long perSwitchNanos) {
        Map<String, List<ThreadSchedule>> byGroup = new LinkedHashMap<>();
        for (ThreadSchedule schedule : schedules) {
            byGroup.computeIfAbsent(schedule.group(), g -> new ArrayList<>()).add(schedule);
        }
        List<ThreadGroupSchedule> groups = new ArrayList<>();
        byGroup.forEach((name, members) -> {
            ThreadStates states = ThreadStates.NONE;
            long voluntary = 0;
            long involuntary = 0;
            boolean jvmInternal = true;
            for (ThreadSchedule member : members) {
                jvmInternal &= member.jvmInternal();
                states = states.plus(member.states());
                voluntary += member.voluntarySwitches();
                involuntary += member.involuntarySwitches();
            }
            long switches = voluntary + involuntary;
            groups.add(new ThreadGroupSchedule(name, members.size(), jvmInternal, states, voluntary, involuntary,
                    switches * 1e9 / windowNanos, switches * perSwitchNanos));
        });
        return groups;
    }

    private static SchedulerReport.SwitchCost switchCost(Calibration calibration) {
        long perSwitch = calibration.nanos(Calibration.Cost.HANDOFF_SAME_CPU);
        String source = calibration.isDefault() ? Calibration.DEFAULT_MACHINE
                : calibration.machine() + ", measured " + calibration.measured();
        return new SchedulerReport.SwitchCost(perSwitch, !calibration.isDefault(), source);
    }

    private static List<String> notes(SchedulerReport.SwitchCost switchCost, SchedulerReport.Load app, int cpus) {
        List<String> notes = new ArrayList<>();
        if (!switchCost.calibrated()) {
            notes.add(String.format(Locale.ROOT, "Switch costs use the default of %,d ns per switch, not a figure"
                    + " measured on this machine: run 'turnstile calibrate --save' on it for better estimates.",
                    switchCost.perSwitchNanos()));
        }
        if (cpus > 0 && app.runQueueShare() >= Oversubscription.MIN_RUN_QUEUE_SHARE
                && !Oversubscription.applies(app, cpus)) {
            notes.add(String.format(Locale.ROOT, "The application's threads waited for a CPU %.0f%% of the time they"
                    + " wanted one, though they were only %.1f running or ready to run for %d CPUs on average: the JVM's"
                    + " own threads or other processes competed for the CPUs.", app.runQueueShare() * 100,
                    app.meanThreadsWantingCpu(), cpus));
        }
        return notes;
    }

    /** For {@link #missingNote}: the agent's events are there, its start (which says what it samples) is not. */
    public static final String COUNTERS_UNKNOWN = "unknown: no agent start in this recording";

    /**
     * What the report should say when the recording has no counters, or null when it has them.
     *
     * @param hasAgent          whether the recording is the agent's
     * @param schedulerCounters the agent's own account ("on", "off", "unavailable: ..."), null if it gave none
     */
    public String missingNote(boolean hasAgent, String schedulerCounters) {
        if (hasCounters()) {
            return null;
        }
        if (hasAgent && COUNTERS_UNKNOWN.equals(schedulerCounters)) {
            return "No per-thread kernel counters (turnstile.ThreadScheduling) in this recording: whether the agent"
                    + " samples them is in its start-up facts, which this recording lacks.";
        }
        if (!hasAgent) {
            return "No per-thread kernel counters (turnstile.ThreadScheduling): running, waiting for a CPU and context"
                    + " switches per thread are not known. Record with 'turnstile run' on Linux to see them.";
        }
        if ("off".equals(schedulerCounters)) {
            return "No per-thread kernel counters: the agent ran with sched=off. Leave the option out (or give a"
                    + " period, sched=1s) to see running, waiting for a CPU and context switches per thread.";
        }
        if (schedulerCounters != null && schedulerCounters.startsWith("unavailable")) {
            String why = schedulerCounters.substring("unavailable".length()).replaceFirst("^:\\s*", "");
            return "No per-thread kernel counters (no /proc): " + why + ". Running, waiting for a CPU and context"
                    + " switches per thread are only recorded on Linux.";
        }
        if (schedulerCounters == null) {
            return "No per-thread kernel counters: this agent version did not record them.";
        }
        return "No per-thread kernel counters were recorded (the recording may be shorter than one sampling period).";
    }
}
