package dev.turnstile.bench;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyzes one recording in a fresh JVM and prints one line of {@code key=value} pairs: the analyzer's time
 * ({@code nanos}), the sum of the heap pools' peaks ({@code peakHeap}, bytes), and counts that tell whether the
 * analysis is sane: {@code findings}, {@code threadsStarted} (platform), {@code peakLiveThreads},
 * {@code virtualThreadsStarted}, {@code locks} and {@code lockWaits} (summed over the locks reported).
 */
public final class AnalyzeOnce {
    /** Issue 5's bound: a 1 GB recording is analyzed within this heap. */
    static final String HEAP = "-Xmx512m";

    private AnalyzeOnce() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Analysis analysis = new Analyzer().analyze(Path.of(args[0]));
        long nanos = System.nanoTime() - start;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("nanos=" + nanos + " peakHeap=" + peak + " findings=" + analysis.findings().size()
                + " threadsStarted=" + analysis.threads().started()
                + " peakLiveThreads=" + analysis.threads().peakLive()
                + " virtualThreadsStarted=" + analysis.virtualThreads().started()
                + " locks=" + analysis.locks().size()
                + " lockWaits=" + analysis.locks().stream().mapToLong(LockReport::waits).sum());
    }

    /** Runs it on {@code file} with {@link #HEAP}, measured (see {@link MeasuredRun}). */
    static MeasuredRun run(BenchSetup setup, Path file) {
        return MeasuredRun.of(setup.scratch(), Duration.ofMinutes(30), gcLog -> command(setup, file, gcLog));
    }

    /** The command line that runs this class on {@code file} with its heap limit and the given GC log option. */
    static List<Object> command(BenchSetup setup, Path file, String gcLog) {
        return List.of(setup.java(), HEAP, gcLog, "-cp", setup.benchJar(), AnalyzeOnce.class.getName(), file);
    }

    /** The pairs it printed, or an empty map when it did not finish (ran out of memory, failed to read). */
    static Map<String, Long> counts(MeasuredRun run) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (run.succeeded()) {
            for (String pair : run.outcome().stdout().trim().split("\\s+")) {
                String[] keyValue = pair.split("=", 2);
                if (keyValue.length == 2 && keyValue[1].matches("-?\\d+")) {
                    counts.put(keyValue[0], Long.parseLong(keyValue[1]));
                }
            }
        }
        return counts;
    }
}
