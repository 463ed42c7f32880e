package dev.turnstile.agent.bridge;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Per-thread kernel scheduler counters: every period (and at the start and end of every chunk) reads each thread's
 * counters under /proc/self/task and writes a {@link ThreadSchedulingEvent} with what changed since the thread's
 * previous sample. A thread that ends hands in its last counters on its way out ({@link #onThreadExit}), so its final
 * partial period is not lost.
 *
 * <p>Only JFR's threads sample, one at a time (a sample that finds another running is skipped); the previous values
 * live in {@link ThreadTable}, which only the sampling thread touches. Ending threads hand their counters over
 * through {@link ThreadEnds}, without waiting for anything.
 */
public final class ThreadSchedules {
    private static final String TASKS = "/proc/self/task/";
    private static final String OWN_TASK = "/proc/thread-self/";

    private static volatile boolean enabled;
    /**
     * The kernel adds a running thread's CPU time to its schedstat only when it is switched or ticked, so a thread that
     * reads its own schedstat misses up to a tick of work (all of it, for a thread that lives 0.2 ms). The thread's CPU
     * clock is the same counter brought up to date; null where the JVM cannot read it.
     */
    private static volatile ThreadMXBean ownCpuClock;
    private static final AtomicBoolean SAMPLING = new AtomicBoolean();
    private static final AtomicLong UNTRACKED = new AtomicLong();
    private static final long CHUNK_EDGE_PATIENCE_NANOS = 5_000_000_000L;
    /** The share of one CPU the periodic sampling may use. */
    static final double CPU_BUDGET = 0.01;
    /** No periodic sample before this (System.nanoTime): the last one's cost, spread at {@link #CPU_BUDGET}. */
    private static volatile long nextAffordable;

    /** Allocated when sampling starts: a JVM that never samples pays nothing. Guarded by {@link #SAMPLING}. */
    private static ThreadTable table;
    private static TaskCounters reader;
    /** Whether every thread seen so far found room: only then is a thread never seen before known to be new. */
    private static boolean neverFull = true;
    /** When the last complete sample began (System.nanoTime): threads not seen by it were born since. */
    private static long lastSampleStart;
    private static boolean sampledBefore;

    private ThreadSchedules() {
    }

    /** @return null if this system has readable per-thread counters, else why not (for the recording) */
    private static String probe() {
        String[] tasks = new File(TASKS).list();
        if (tasks == null || tasks.length == 0) {
            return "no " + TASKS + " (not Linux, or /proc is not mounted)";
        }
        TaskCounters counters = new TaskCounters(4096);
        for (String task : tasks) {
            if (counters.read(TASKS + task + "/")) {
                return null;
            }
        }
        return "the schedstat and status files under " + TASKS + " cannot be read";
    }

    /**
     * Checks that this system has readable per-thread counters and prepares what sampling needs: its tables, and the
     * JDK's thread CPU clock, which takes tens of milliseconds to load. Called off the program's path, while the agent
     * installs its instrumentation.
     *
     * @return null if sampling can start, else why not (for the recording)
     */
    public static String prepare() {
        String unavailable = probe();
        if (unavailable != null) {
            return unavailable;
        }
        if (!SAMPLING.compareAndSet(false, true)) {
            return "already sampled in this JVM";
        }
        try {
            if (table == null) {
                table = new ThreadTable();
                reader = new TaskCounters(16 * 1024);
            }
            ownCpuClock = ownCpuClock();
            return null;
        } finally {
            SAMPLING.set(false);
        }
    }

    /** Takes the first sample, which writes nothing (it is the baseline), and turns sampling on. Call prepare first. */
    public static void start() {
        if (table == null || !SAMPLING.compareAndSet(false, true)) {
            return;
        }
        try {
            ThreadEnds.acceptEnds = new File(OWN_TASK).isDirectory();
            readAll(false);
            nextAffordable = System.nanoTime();
            enabled = true;
        } finally {
            SAMPLING.set(false);
        }
    }

    /** The sampling thread's CPU time, or the wall time given when the JVM cannot tell. */
    private static long cpuTime(long wallNanos) {
        ThreadMXBean clock = ownCpuClock;
        long cpu = clock == null ? -1 : clock.getCurrentThreadCpuTime();
        return cpu >= 0 ? cpu : wallNanos;
    }

    private static ThreadMXBean ownCpuClock() {
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            return threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled() ? threads : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    public static void stop() {
        enabled = false;
        ThreadEnds.acceptEnds = false;
    }

    /**
     * The periodic hook: skipped when a sample is already being taken. When the last one cost so much that taking one
     * now would make the sampler use more than {@link #CPU_BUDGET} of a CPU, only the ends handed in are written, which
     * costs next to nothing and keeps their slots free. Reading thousands of threads' files takes tens of
     * milliseconds; then the counters are sampled less often than the period, still exactly (the deltas say which
     * interval they cover).
     */
    public static void sample() {
        if (!enabled || !SAMPLING.compareAndSet(false, true)) {
            return;
        }
        ThreadEnds.addCredits(System.nanoTime());
        if (System.nanoTime() - nextAffordable >= 0) {
            sampleHoldingTheTurn();
            return;
        }
        try {
            if (new ThreadSchedulingEvent().isEnabled()) {
                ThreadEnds.drain(ENDS_ONLY);
            }
        } catch (RuntimeException | LinkageError e) {
            stop();
        } finally {
            SAMPLING.set(false);
        }
    }

    /**
     * Between full samples ends are written but threads not yet in the table are not added: their task folder is gone
     * long before the next listing could see them.
     */
    private static final ThreadEnds.Sink ENDS_ONLY = (counters, readAt) -> update(counters, readAt, true, true, false);
    /**
     * In a full sample, ends are taken in before the listing, which may still find a thread that is finishing: it must
     * find the thread's counters, or it would count them again.
     */
    private static final ThreadEnds.Sink ENDS_WRITTEN = (counters, readAt) -> update(counters, readAt, true, true, true);
    private static final ThreadEnds.Sink ENDS_AS_BASELINE =
            (counters, readAt) -> update(counters, readAt, false, true, true);

    /**
     * At the start and end of every chunk, on the thread that rotates or stops the recording: the last sample before a
     * recording ends must be taken, so this one waits for a periodic sample in progress (on JFR's periodic thread,
     * which needs nothing from this one) to finish, for a few seconds at most.
     */
    public static void sampleAtChunkEdge() {
        long giveUp = System.nanoTime() + CHUNK_EDGE_PATIENCE_NANOS;
        while (enabled && !SAMPLING.compareAndSet(false, true)) {
            if (System.nanoTime() - giveUp > 0) {
                return;
            }
            LockSupport.parkNanos(100_000);
        }
        if (enabled) {
            sampleHoldingTheTurn();
        } else {
            SAMPLING.set(false);
        }
    }

    private static void sampleHoldingTheTurn() {
        try {
            if (new ThreadSchedulingEvent().isEnabled()) {
                long start = System.nanoTime();
                long cpuStart = cpuTime(start);
                readAll(true);
                long end = System.nanoTime();
                nextAffordable = start + (long) ((cpuTime(end) - cpuStart) / CPU_BUDGET);
            }
        } catch (RuntimeException | LinkageError e) {
            // A sampler that failed once writes nothing more rather than failing on every period.
            stop();
        } finally {
            SAMPLING.set(false);
        }
    }

    /**
     * Called by every platform thread as it ends, from advice at the end of java.lang.Thread's exit(): what is left
     * of its life is the JVM's last bookkeeping. Never throws.
     */
    public static void onThreadExit() {
        if (!enabled || !ThreadEnds.acceptEnds) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            if (!new ThreadSchedulingEvent().isEnabled() || !ThreadEnds.takeCredit()) {
                return; // no recording wants the counters (any more), or ends have used up their share of a CPU
            }
            TaskCounters own = new TaskCounters(4096);
            if (own.read(OWN_TASK)) {
                ThreadMXBean clock = ownCpuClock;
                if (clock != null) {
                    own.onCpuNanos = Math.max(own.onCpuNanos, clock.getCurrentThreadCpuTime());
                }
                ThreadEnds.post(own, System.nanoTime());
            }
        } catch (RuntimeException | LinkageError e) {
            // Losing one thread's last period is better than anything reaching the program.
        } finally {
            inside[0] = false;
        }
    }

    public static int capacity() {
        return ThreadTable.CAPACITY;
    }

    /** Thread samples not taken because the table was full (one per thread per period). */
    public static long untrackedSamples() {
        return UNTRACKED.get();
    }

    /** Threads whose counters at their end found no room to be handed over. */
    public static long lostEnds() {
        return ThreadEnds.lost();
    }

    /** Threads whose counters were not read at their end, to keep what ending threads pay for it bounded. */
    public static long skippedEnds() {
        return ThreadEnds.skipped();
    }

    private static void readAll(boolean write) {
        long sampleStart = System.nanoTime();
        ThreadEnds.drain(write ? ENDS_WRITTEN : ENDS_AS_BASELINE);
        String[] tasks = new File(TASKS).list();
        if (tasks != null) {
            for (String task : tasks) {
                String folder = TASKS + task + "/";
                if (!reader.readSchedstat(folder)) {
                    continue;
                }
                // Most of thousands of threads sleep through a period: their status, twice the cost, is not read.
                int slot = table.find(parseId(task));
                if (slot >= 0 && table.unchanged(slot, reader)) {
                    table.touch(slot, System.nanoTime());
                } else if (reader.readStatus(folder)) {
                    update(reader, System.nanoTime(), write, false, true);
                }
            }
        }
        // Threads not seen for two samples have ended. Not one: a thread that ended just after this sample took in the
        // ends may still hand its last counters in, and they must find its previous ones. Threads that handed in their
        // end and were not listed now are gone for good.
        table.forget(sampledBefore ? lastSampleStart : Long.MIN_VALUE / 2, sampleStart);
        lastSampleStart = sampleStart;
        sampledBefore = true;
    }

    /**
     * Writes what changed since the thread's previous sample. A thread with no previous sample is new since the
     * last sample, so all its counters are new, unless the table has been full: then it may have existed unseen,
     * and it only becomes a baseline. A thread's end is always written, once, even when a periodic read taken while
     * it was finishing already counted everything: readers learn when its counters stopped.
     */
    private static void update(TaskCounters now, long readAt, boolean write, boolean ended, boolean remember) {
        int slot = table.find(now.tid);
        if (slot < 0) {
            if (!remember) {
                if (write && neverFull) {
                    emitSinceStart(now, readAt, true);
                }
                return;
            }
            slot = table.insert(now.tid);
            if (slot < 0) {
                UNTRACKED.incrementAndGet();
                neverFull = false;
                return;
            }
            if (write && neverFull) {
                emitSinceStart(now, readAt, ended);
            }
            table.store(slot, now, readAt);
            if (ended) {
                table.markEnded(slot);
            }
            return;
        }
        long onCpu = now.onCpuNanos - table.get(slot, ThreadTable.ON_CPU);
        long runQueue = now.runQueueNanos - table.get(slot, ThreadTable.RUN_QUEUE);
        long slices = now.timeslices - table.get(slot, ThreadTable.TIMESLICES);
        long voluntary = now.voluntarySwitches - table.get(slot, ThreadTable.VOLUNTARY);
        long involuntary = now.involuntarySwitches - table.get(slot, ThreadTable.INVOLUNTARY);
        boolean wentDown = onCpu < 0 || runQueue < 0 || slices < 0 || voluntary < 0 || involuntary < 0;
        long previousRead = table.get(slot, ThreadTable.READ_AT);
        if (ended && (wentDown || previousRead - readAt > 0)) {
            // Its end was read before a periodic read that already counted it all: nothing is new.
            if (write) {
                emit(now, 0, 0, 0, 0, 0, readAt, readAt, true);
            }
            table.markEnded(slot);
            return;
        }
        if (wentDown) {
            // Counters never go down: the kernel gave the id of a thread that ended to a new one.
            if (write) {
                emitSinceStart(now, readAt, false);
            }
        } else if (write && (ended || (onCpu | runQueue | slices | voluntary | involuntary) != 0)) {
            emit(now, onCpu, runQueue, slices, voluntary, involuntary, previousRead, readAt, ended);
        }
        table.store(slot, now, readAt);
        if (ended) {
            table.markEnded(slot);
        }
    }

    /** A task folder's name is the thread's id; 0 (no thread) if it is not a number. */
    private static long parseId(String task) {
        long id = 0;
        for (int i = 0; i < task.length(); i++) {
            char c = task.charAt(i);
            if (c < '0' || c > '9' || i >= 18) {
                return 0;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    /** A thread born since the last sample: its counters count from zero, and it did not exist when that began. */
    private static void emitSinceStart(TaskCounters now, long readAt, boolean ended) {
        emit(now, now.onCpuNanos, now.runQueueNanos, now.timeslices, now.voluntarySwitches, now.involuntarySwitches,
                lastSampleStart, readAt, ended);
    }

    /**
     * @param since  when the counters the deltas start from were read (System.nanoTime)
     * @param readAt when the counters were read: now, or for an ended thread when it ended
     */
    private static void emit(TaskCounters counters, long onCpu, long runQueue, long slices, long voluntary,
                             long involuntary, long since, long readAt, boolean ended) {
        ThreadSchedulingEvent event = new ThreadSchedulingEvent();
        event.tid = counters.tid;
        event.threadName = counters.name();
        event.onCpuNanos = onCpu;
        event.runQueueNanos = runQueue;
        event.timeslices = slices;
        event.voluntarySwitches = voluntary;
        event.involuntarySwitches = involuntary;
        event.intervalNanos = Math.max(0, readAt - since);
        event.readAgoNanos = Math.max(0, System.nanoTime() - readAt);
        event.ended = ended;
        event.commit();
    }
}
