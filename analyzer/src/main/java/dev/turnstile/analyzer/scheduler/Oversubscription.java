package dev.turnstile.analyzer.scheduler;

import dev.turnstile.analyzer.model.SchedulerReport;

/**
 * When an application oversubscribes the machine's CPUs (finding TS201, docs/findings/TS201.md), in one place for the
 * rule and the scheduler's notes. Only the application's threads count: the JVM's JIT compilers and service threads
 * are busy while a program warms up, and on a loaded machine they queue for CPUs like everyone else, but their number
 * is not the program's to choose.
 */
public final class Oversubscription {
    /**
     * runnable / (runnable + running). With D threads wanting C CPUs and nothing else running it is 1 - C/D: 0.3 means
     * about 1.4 threads per CPU, each waiting 3 ns for a CPU for every 7 it runs.
     */
    public static final double MIN_RUN_QUEUE_SHARE = 0.3;
    /** Threads waited for a CPU as long as they ran. */
    public static final double CRITICAL_RUN_QUEUE_SHARE = 0.5;

    private Oversubscription() {
    }

    /**
     * The threads running or ready to run, on average, above which the process by itself has more threads that want a
     * CPU than there are CPUs: at least one more than the CPUs, or a quarter more on machines of more than 4. The margin
     * keeps out a process with one busy thread per CPU plus the JVM's own threads when other processes are what keeps
     * its threads waiting (then every runnable thread also stays runnable longer, and the JVM's threads more so).
     */
    public static double minThreadsWantingCpu(int cpus) {
        return cpus + Math.max(1.0, cpus / 4.0);
    }

    /** @param application the application's threads (the JVM's own are left out) */
    public static boolean applies(SchedulerReport.Load application, int cpus) {
        return cpus > 0 && application.runQueueShare() >= MIN_RUN_QUEUE_SHARE
                && application.meanThreadsWantingCpu() >= minThreadsWantingCpu(cpus);
    }
}
