package dev.turnstile.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Starts short-lived threads at a steady rate, one at a time, and prints its own resident memory every 10 s: does a
 * native library that keeps something per thread make the process grow with every new thread id? Run it under the
 * library with {@code -XX:TrimNativeHeapInterval=5000}, so that free memory the C library keeps does not count, and
 * once without the library for the baseline. With a rate of 0 it starts no threads at all.
 *
 * <pre>ThreadChurn THREADS_PER_SECOND SECONDS</pre>
 */
public final class ThreadChurn {
    private static final long WORK_NANOS = 200_000;
    private static final long REPORT_NANOS = 10_000_000_000L;

    private ThreadChurn() {
    }

    public static void main(String[] args) throws Exception {
        int perSecond = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        long end = start + (long) (Double.parseDouble(args[1]) * 1e9);
        long nextStart = start;
        long nextReport = start + REPORT_NANOS;
        long started = 0;
        while (System.nanoTime() < end) {
            if (perSecond > 0) {
                Thread thread = new Thread(ThreadChurn::work, "churn-" + started++);
                thread.start();
                thread.join();
                nextStart += 1_000_000_000L / perSecond;
            } else {
                nextStart += 100_000_000L;
            }
            long now = System.nanoTime();
            if (now >= nextReport) {
                System.out.printf(Locale.ROOT, "seconds=%.0f rssMb=%.1f threadsStarted=%d%n", (now - start) / 1e9,
                        residentMb(), started);
                nextReport += REPORT_NANOS;
            }
            long wait = nextStart - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /** Each thread runs 0.2 ms on a CPU, long enough to be seen, and ends. */
    private static void work() {
        long begin = System.nanoTime();
        while (System.nanoTime() - begin < WORK_NANOS) {
            Thread.onSpinWait();
        }
    }

    private static double residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        return -1;
    }
}
