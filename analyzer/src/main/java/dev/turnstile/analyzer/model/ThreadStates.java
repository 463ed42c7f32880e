package dev.turnstile.analyzer.model;

/**
 * Where a thread's time went, in nanoseconds; the parts add up to its observed lifetime. Running and runnable come from
 * the kernel's counters; the off-CPU rest is split by the waits JFR and the agent recorded, which are thresholded, so
 * what no recorded wait explains is {@code other}.
 *
 * @param running  on a CPU
 * @param runnable ready to run, waiting for a CPU (run-queue wait)
 * @param blocked  waiting to acquire a lock: a monitor (synchronized) or a java.util.concurrent lock
 * @param parked   parked outside locks and queues: futures, LockSupport.park without a known blocker
 * @param waiting  waiting for a signal or work: Object.wait, conditions, latches, barriers, blocking queues, idle pool
 *                 workers
 * @param sleeping in Thread.sleep
 * @param io       in a socket (or, when recorded, file) read or write
 * @param other    off the CPU for reasons no recorded event explains (short waits under the threshold, GC, native code)
 */
public record ThreadStates(long running, long runnable, long blocked, long parked, long waiting, long sleeping,
                           long io, long other) {
    public static final ThreadStates NONE = new ThreadStates(0, 0, 0, 0, 0, 0, 0, 0);

    public long total() {
        return running + runnable + blocked + parked + waiting + sleeping + io + other;
    }

    public long offCpu() {
        return total() - running - runnable;
    }

    public ThreadStates plus(ThreadStates o) {
        return new ThreadStates(running + o.running, runnable + o.runnable, blocked + o.blocked, parked + o.parked,
                waiting + o.waiting, sleeping + o.sleeping, io + o.io, other + o.other);
    }

    /**
     * The share of its time a thread needs a CPU, its waits for one left out: running / (lifetime - runnable). About 1
     * for CPU-bound work, 0.1 for work that waits nine tenths of its time; null when there is no such time.
     */
    public Double cpuShare() {
        long notQueued = total() - runnable;
        return notQueued > 0 ? (double) running / notQueued : null;
    }

    /** runnable / (runnable + running): how much of the time it wanted a CPU it waited for one; null if it never did. */
    public Double runQueueShare() {
        long wanted = running + runnable;
        return wanted > 0 ? (double) runnable / wanted : null;
    }
}
