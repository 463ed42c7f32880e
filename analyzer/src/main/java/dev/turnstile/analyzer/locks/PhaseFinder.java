package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.model.Phase;
import dev.turnstile.analyzer.threads.ProcessCpu;
import dev.turnstile.analyzer.time.Window;

/**
 * Finds the part of a recording in which a lock was busiest, when that is only part of it: the run of consecutive
 * slices in which someone was queued at least half of the time that holds the most busy time. Its ends are then moved
 * to where the busy periods at its edges really begin and end, so the phase is not cut to whole seconds.
 */
final class PhaseFinder {
    static final double MIN_SLICE_BUSY = 0.5;
    static final long MIN_PHASE_NANOS = 2_000_000_000L;
    /** A phase covering more than this share of the window is the whole recording, not a phase of it. */
    static final double MAX_WINDOW_SHARE = 0.8;

    private PhaseFinder() {
    }

    static Phase find(Window window, BusySlices slices, long[] periods, int waitingThreads, ProcessCpu processCpu,
                      int cpus) {
        int bestFirst = -1;
        int bestLast = -1;
        long bestBusy = 0;
        int first = -1;
        long runBusy = 0;
        for (int i = 0; i <= slices.size(); i++) {
            boolean busy = i < slices.size() && slices.busyShare(i) >= MIN_SLICE_BUSY;
            if (busy) {
                if (first < 0) {
                    first = i;
                    runBusy = 0;
                }
                runBusy += slices.busy[i];
            } else if (first >= 0) {
                if (runBusy > bestBusy) {
                    bestBusy = runBusy;
                    bestFirst = first;
                    bestLast = i - 1;
                }
                first = -1;
            }
        }
        if (bestFirst < 0) {
            return null;
        }
        long start = edgeStart(Math.max(slices.start(bestFirst), window.startNanos()), periods);
        long end = edgeEnd(Math.min(slices.end(bestLast), window.endNanos()), periods);
        start = Math.max(start, window.startNanos());
        end = Math.min(end, window.endNanos());
        long duration = end - start;
        if (duration < MIN_PHASE_NANOS || duration > MAX_WINDOW_SHARE * window.durationNanos()) {
            return null;
        }
        long covered = 0;
        for (int p = 0; p < periods.length; p += 2) {
            covered += BusySlices.overlap(periods[p], periods[p + 1], start, end);
        }
        double waited = 0;
        for (int i = 0; i < slices.size(); i++) {
            if (BusySlices.overlap(slices.start(i), slices.end(i), start, end) > 0 && i < slices.waited.length) {
                waited += slices.waited[i];
            }
        }
        double meanWaiters = waited / duration;
        Double processBound = processCpu.parallelism(start, end, cpus);
        double queueBound = Math.max(0, waitingThreads - meanWaiters);
        Double parallelism = processBound == null ? queueBound : Math.min(processBound, queueBound);
        return new Phase(window.offset(start), window.offset(end), Math.min(1.0, (double) covered / duration),
                meanWaiters, (long) waited, parallelism);
    }

    /** If a busy period runs across {@code time}, where it began; else where the first one after it begins. */
    private static long edgeStart(long time, long[] periods) {
        for (int p = 0; p < periods.length; p += 2) {
            if (periods[p + 1] > time) {
                return periods[p];
            }
        }
        return time;
    }

    /** If a busy period runs across {@code time}, where it ended; else where the last one before it ends. */
    private static long edgeEnd(long time, long[] periods) {
        for (int p = periods.length - 2; p >= 0; p -= 2) {
            if (periods[p] < time) {
                return periods[p + 1];
            }
        }
        return time;
    }
}
