package dev.turnstile.agent.bridge;

import java.io.File;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
    private static final AtomicBoolean SAMPLING = new AtomicBoolean();
    private static final AtomicLong UNTRACKED = new AtomicLong();

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
    public static String probe() {
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

    /** Takes the first sample, which writes nothing (it is the baseline), and turns sampling on. */
    public static void start() {
        if (!SAMPLING.compareAndSet(false, true)) {
            return;
        }
        try {
            if (table == null) {
                table = new ThreadTable();
                reader = new TaskCounters(16 * 1024);
            }
            ThreadEnds.acceptEnds = new File(OWN_TASK).isDirectory();
            readAll(false);
            enabled = true;
        } finally {
            SAMPLING.set(false);
        }
    }

    public static void stop() {
        enabled = false;
        ThreadEnds.acceptEnds = false;
    }

    /** The periodic hook; also called when the agent writes its statistics at the start and end of every chunk. */
    public static void sample() {
        if (!enabled || !SAMPLING.compareAndSet(false, true)) {
            return;
        }
        try {
            if (new ThreadSchedulingEvent().isEnabled()) {
                readAll(true);
            }
        } catch (RuntimeException | LinkageError e) {
            // A sampler that failed once writes nothing more rather than failing on every period.
            stop();
        } finally {
            SAMPLING.set(false);
        }
    }

    /** Called by every platform thread as it ends, from advice in java.lang.Thread's exit(). Never throws. */
    public static void onThreadExit() {
        if (!enabled || !ThreadEnds.acceptEnds) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            TaskCounters own = new TaskCounters(4096);
            if (own.read(OWN_TASK)) {
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

    private static void readAll(boolean write) {
        long sampleStart = System.nanoTime();
        ThreadEnds.drain((counters, readAt) -> update(counters, readAt, write, true));
        String[] tasks = new File(TASKS).list();
        if (tasks != null) {
            for (String task : tasks) {
                if (reader.read(TASKS + task + "/")) {
                    update(reader, System.nanoTime(), write, false);
                }
            }
        }
        if (sampledBefore) {
            // Threads not seen for two samples have ended. Not one: a thread that ended just after this sample took
            // in the ends may still hand its last counters in, and they must find its previous ones.
            table.forgetNotSeenSince(lastSampleStart);
        }
        lastSampleStart = sampleStart;
        sampledBefore = true;
    }

    /**
     * Writes what changed since the thread's previous sample. A thread with no previous sample is new since the
     * last sample, so all its counters are new, unless the table has been full: then it may have existed unseen,
     * and it only becomes a baseline.
     */
    private static void update(TaskCounters now, long readAt, boolean write, boolean ended) {
        int slot = table.find(now.tid);
        if (slot < 0) {
            slot = table.insert(now.tid);
            if (slot < 0) {
                UNTRACKED.incrementAndGet();
                neverFull = false;
                return;
            }
            if (write && neverFull) {
                emitSinceStart(now, ended);
            }
            table.store(slot, now, readAt);
            return;
        }
        long onCpu = now.onCpuNanos - table.get(slot, ThreadTable.ON_CPU);
        long runQueue = now.runQueueNanos - table.get(slot, ThreadTable.RUN_QUEUE);
        long slices = now.timeslices - table.get(slot, ThreadTable.TIMESLICES);
        long voluntary = now.voluntarySwitches - table.get(slot, ThreadTable.VOLUNTARY);
        long involuntary = now.involuntarySwitches - table.get(slot, ThreadTable.INVOLUNTARY);
        if (onCpu < 0 || runQueue < 0 || slices < 0 || voluntary < 0 || involuntary < 0) {
            if (ended) {
                // Its end was read before a periodic read that already stored later counters: nothing is new.
                return;
            }
            // Counters never go down: the kernel gave the id of a thread that ended to a new one.
            if (write) {
                emitSinceStart(now, false);
            }
        } else if (write && (onCpu | runQueue | slices | voluntary | involuntary) != 0) {
            emit(now, onCpu, runQueue, slices, voluntary, involuntary, table.get(slot, ThreadTable.READ_AT), ended);
        }
        table.store(slot, now, readAt);
    }

    /** A thread born since the last sample: its counters count from zero, and it did not exist when that began. */
    private static void emitSinceStart(TaskCounters now, boolean ended) {
        emit(now, now.onCpuNanos, now.runQueueNanos, now.timeslices, now.voluntarySwitches, now.involuntarySwitches,
                lastSampleStart, ended);
    }

    /** @param since when the counters the deltas start from were read (System.nanoTime) */
    private static void emit(TaskCounters counters, long onCpu, long runQueue, long slices, long voluntary,
                             long involuntary, long since, boolean ended) {
        ThreadSchedulingEvent event = new ThreadSchedulingEvent();
        event.tid = counters.tid;
        event.threadName = counters.name();
        event.onCpuNanos = onCpu;
        event.runQueueNanos = runQueue;
        event.timeslices = slices;
        event.voluntarySwitches = voluntary;
        event.involuntarySwitches = involuntary;
        // To now, the event's time: an ended thread's counters were read a little earlier, at its end.
        event.intervalNanos = Math.max(0, System.nanoTime() - since);
        event.ended = ended;
        event.commit();
    }
}
