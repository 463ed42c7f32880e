package dev.turnstile.analyzer.threads;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much CPU each thread used, from the JDK's periodic per-thread CPU load. The JDK divides a thread's
 * load by the number of logical CPUs, so a thread that kept one CPU busy reads 1/cpus.
 */
public final class ThreadCpu {
    /** The JDK's sampling period for jdk.ThreadCPULoad in Turnstile's settings: what a thread's first sample covers. */
    private static final long SAMPLE_PERIOD_NANOS = 1_000_000_000L;

    /** Per thread id: sum of load samples, number of samples. */
    private final Map<Long, double[]> loads = new HashMap<>();
    /** Per thread id: its name when last sampled, to find a pool's workers by their name prefix. */
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, BusyTime> busyTime = new HashMap<>();

    /** Load × nanoseconds covered, summed (CPU time in units of all CPUs), and the time of the last sample. */
    private static final class BusyTime {
        double allCpuNanos;
        long lastSampleNanos;

        BusyTime(long lastSampleNanos) {
            this.lastSampleNanos = lastSampleNanos;
        }
    }

    public void onThreadCpuLoad(EventView event) {
        double load = event.getFloat(JdkEvents.THREAD_CPU_LOAD_USER) + event.getFloat(JdkEvents.THREAD_CPU_LOAD_SYSTEM);
        long id = Threads.id(event.thread());
        names.put(id, Threads.name(event.thread()));
        double[] sum = loads.computeIfAbsent(id, key -> new double[2]);
        sum[0] += load;
        sum[1]++;
        // Each sample is the load since the thread's previous one: weight it by that time.
        long time = event.startNanos();
        BusyTime busy = busyTime.computeIfAbsent(id, key -> new BusyTime(time - SAMPLE_PERIOD_NANOS));
        busy.allCpuNanos += load * Math.max(0, time - busy.lastSampleNanos);
        busy.lastSampleNanos = time;
    }

    /**
     * CPU time the given threads used together, from their load samples.
     *
     * @return null when none of them was sampled or the number of CPUs is unknown
     */
    public Long cpuNanos(Collection<Long> threadIds, int cpus) {
        if (cpus <= 0) {
            return null;
        }
        double total = 0;
        boolean any = false;
        for (long id : threadIds) {
            BusyTime busy = busyTime.get(id);
            if (busy != null) {
                total += busy.allCpuNanos * cpus;
                any = true;
            }
        }
        return any ? (long) total : null;
    }

    public boolean isEmpty() {
        return loads.isEmpty();
    }

    /**
     * CPUs the given threads kept busy together, each thread's load averaged over the samples taken while it
     * lived (an approximation that is exact for threads that run through the whole recording).
     *
     * @return null when none of the threads was sampled or the number of CPUs is unknown
     */
    public Double parallelism(Collection<Long> threadIds, int cpus) {
        if (cpus <= 0) {
            return null;
        }
        double total = 0;
        boolean any = false;
        for (long id : threadIds) {
            double[] sum = loads.get(id);
            if (sum != null && sum[1] > 0) {
                total += sum[0] / sum[1] * cpus;
                any = true;
            }
        }
        return any ? total : null;
    }

    /** CPUs kept busy by the threads whose names start with {@code prefix}; null if none was sampled. */
    public Double parallelismOfNamed(String prefix, int cpus) {
        List<Long> ids = new ArrayList<>();
        names.forEach((id, name) -> {
            if (name != null && name.startsWith(prefix)) {
                ids.add(id);
            }
        });
        return ids.isEmpty() ? null : parallelism(ids, cpus);
    }
}
