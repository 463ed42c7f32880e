package dev.turnstile.bench;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.model.Analysis;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Analyzes one recording in a fresh JVM and prints {@code nanos=<elapsed> peakHeap=<bytes> findings=<n>}: the
 * analyzer's time and the most heap it held, for {@link AnalyzerSpeed}.
 */
public final class AnalyzeOnce {
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
        System.out.println("nanos=" + nanos + " peakHeap=" + peak + " findings=" + analysis.findings().size());
    }
}
