package dev.turnstile.analyzer.threads;

import dev.turnstile.analyzer.events.JdkEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * How much CPU each thread used, from the JDK's periodic per-thread CPU load. The JDK divides a thread's
 * load by the number of logical CPUs, so a thread that kept one CPU busy reads 1/cpus.
 */
public final class ThreadCpu {
    /** Per thread id: sum of load samples, number of samples. */
    private final Map<Long, double[]> loads = new HashMap<>();
    /** Per thread id: its name when last sampled, to find a pool's workers by their name prefix. */
    private final Map<Long, String> names = new HashMap<>();

    public void onThreadCpuLoad(RecordedEvent event) {
        double load = event.getFloat(JdkEvents.THREAD_CPU_LOAD_USER) + event.getFloat(JdkEvents.THREAD_CPU_LOAD_SYSTEM);
        long id = Threads.id(event.getThread());
        names.put(id, Threads.name(event.getThread()));
        double[] sum = loads.computeIfAbsent(id, key -> new double[2]);
        sum[0] += load;
        sum[1]++;
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
