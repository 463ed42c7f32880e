package dev.turnstile.analyzer.scheduler;

import dev.turnstile.analyzer.jfr.JfrThread;
import dev.turnstile.analyzer.model.ThreadSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.model.ThreadTimeline;
import java.util.List;

/** What the streaming pass learns about one OS thread: its counters summed, its recorded waits by state, its life. */
final class ThreadAccumulator {
    final long tid;
    String kernelName;
    String javaName;
    /** The thread as the latest event named it; its names are read once, when the report is made. */
    JfrThread lastSeen;
    Long javaThreadId;
    /** Until JFR names it in a thread group other than the JVM's own, a thread is taken to be the JVM's. */
    boolean jvmInternal = true;

    long running;
    long runnable;
    long timeslices;
    long voluntary;
    long involuntary;
    boolean sampled;
    /** Its states per slice of time, for the first threads only (see SchedulerCollector); else null. */
    StateSeries states;

    /** Recorded wait time by {@link OffCpuState}, overlaps removed. */
    private final long[] waits = new long[OffCpuState.values().length];
    /** Allocated with the thread's first wait. */
    private RecentWaits recent;

    /**
     * Epoch nanoseconds of the starts and ends JFR recorded for this OS thread, and of its last counter sample. One OS
     * thread can be several Java threads in turn: the main thread ends, and the same OS thread is attached again to
     * destroy the JVM.
     */
    private long firstStart = Long.MAX_VALUE;
    private long lastStart = Long.MIN_VALUE;
    private long lastEnd = Long.MIN_VALUE;
    private long lastSample = Long.MIN_VALUE;
    /** When the thread read its last counters as it ended: what it did after that is in no counter. */
    private long lastEndRead = Long.MIN_VALUE;

    ThreadAccumulator(long tid) {
        this.tid = tid;
    }

    void started(long time) {
        firstStart = Math.min(firstStart, time);
        lastStart = Math.max(lastStart, time);
    }

    void ended(long time) {
        lastEnd = Math.max(lastEnd, time);
    }

    void sampled(long time) {
        lastSample = Math.max(lastSample, time);
    }

    void endRead(long time) {
        lastEndRead = Math.max(lastEndRead, time);
    }

    void addWait(OffCpuState state, long start, long end) {
        if (recent == null) {
            recent = new RecentWaits();
        }
        waits[state.ordinal()] += recent.add(start, end);
    }

    String name() {
        if (javaName != null) {
            return javaName;
        }
        return kernelName != null ? kernelName : "tid " + tid;
    }

    /**
     * @param windowStart epoch nanoseconds where the observed window starts
     * @param windowEnd   and ends
     */
    ThreadSchedule schedule(long windowStart, long windowEnd) {
        long[] life = life(windowStart, windowEnd);
        long from = life[0];
        long to = life[1];
        // The counters are exact and the life's ends approximate (a thread ends a little after its last sample):
        // the life is at least what the counters account for.
        long lifetime = Math.max(Math.max(0, to - from), running + runnable);
        long offCpu = lifetime - running - runnable;
        long recorded = 0;
        for (long wait : waits) {
            recorded += wait;
        }
        // Recorded waits can exceed the off-CPU time by what a thread did around them (and by the few overlaps
        // RecentWaits misses): they are scaled to fit it rather than allowed to add up to more than the life.
        double scale = recorded > offCpu ? (double) offCpu / recorded : 1.0;
        long blocked = scaled(OffCpuState.BLOCKED, scale);
        long parked = scaled(OffCpuState.PARKED, scale);
        long waiting = scaled(OffCpuState.WAITING, scale);
        long sleeping = scaled(OffCpuState.SLEEPING, scale);
        long io = scaled(OffCpuState.IO, scale);
        long other = Math.max(0, offCpu - blocked - parked - waiting - sleeping - io);
        ThreadStates states = new ThreadStates(running, runnable, blocked, parked, waiting, sleeping, io, other);
        String name = name();
        return new ThreadSchedule(tid, javaThreadId, name, ThreadGroups.groupOf(name), jvmInternal, states, timeslices,
                voluntary, involuntary);
    }

    /** Epoch nanoseconds where its observed life starts and ends, within the window. */
    private long[] life(long windowStart, long windowEnd) {
        long from = Math.max(windowStart, firstStart == Long.MAX_VALUE ? windowStart : firstStart);
        long end = lastEndRead != Long.MIN_VALUE ? lastEndRead : lastEnd;
        boolean aliveAtEnd = end == Long.MIN_VALUE || lastStart > end;
        // Its life as the counters saw it: to its last counters, not to the JVM's last bookkeeping after them.
        long to = Math.min(windowEnd, aliveAtEnd ? windowEnd : Math.max(end, lastSample));
        return new long[] {from, to};
    }

    /** Its states in slices of {@code width} over the window; only for a thread with {@link #states}. */
    ThreadTimeline timeline(long windowStart, long windowEnd, long width) {
        long[] life = life(windowStart, windowEnd);
        ThreadStates[] slices = states.over(windowStart, windowEnd, width, life[0], life[1]);
        long firstStart = Math.floorDiv(windowStart, width) * width;
        return new ThreadTimeline(tid, name(), jvmInternal, firstStart - windowStart, width, List.of(slices));
    }

    private long scaled(OffCpuState state, double scale) {
        return (long) (waits[state.ordinal()] * scale);
    }
}
