package dev.turnstile.analyzer.threads;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.time.SliceSeries;

/**
 * How many CPUs the whole process kept busy, second by second, from the JDK's jdk.CPULoad (taken every second, each
 * sample covering the second before it). An upper bound for any group of its threads, for any part of the recording.
 */
public final class ProcessCpu {
    /** Sum of samples (shares of the whole machine) and number of samples, per slice. */
    private final SliceSeries load = new SliceSeries();
    private final SliceSeries samples = new SliceSeries();

    public void onCpuLoad(EventView event) {
        long time = event.startNanos();
        load.addAt(time, event.getFloat(JdkEvents.CPU_LOAD_JVM_USER) + event.getFloat(JdkEvents.CPU_LOAD_JVM_SYSTEM));
        samples.addAt(time, 1);
    }

    /**
     * CPUs kept busy on average from {@code fromNanos} to {@code toNanos} (epoch), from the samples that cover only
     * that time (taken at least a second after its start).
     *
     * @return null when no sample covers it or the number of CPUs is unknown
     */
    public Double parallelism(long fromNanos, long toNanos, int cpus) {
        long first = fromNanos + SliceSeries.SECOND;
        if (cpus <= 0 || toNanos <= first) {
            return null;
        }
        long width = Math.max(load.width(), samples.width());
        // Whole slices inside [first, to): a slice holds the samples taken in it.
        long firstSlice = Math.floorDiv(first + width - 1, width) * width;
        long lastSlice = Math.floorDiv(toNanos, width) * width;
        if (lastSlice <= firstSlice) {
            return null;
        }
        double[] sums = load.over(firstSlice, lastSlice, width);
        double[] counts = samples.over(firstSlice, lastSlice, width);
        double sum = 0;
        double count = 0;
        for (int i = 0; i < sums.length; i++) {
            sum += sums[i];
            count += counts[i];
        }
        return count > 0 ? sum / count * cpus : null;
    }
}
