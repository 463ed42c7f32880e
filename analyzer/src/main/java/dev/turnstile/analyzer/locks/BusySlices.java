package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.time.Window;

/**
 * A lock's busy time and time waited cut into the slices of a window's timeline. Slices are aligned to multiples of
 * their width on the clock; the first and last may stick out of the window, and each is measured against the part of
 * it inside the window.
 */
final class BusySlices {
    final long width;
    /** Epoch start of slice 0. */
    final long firstStart;
    /** Per slice: nanoseconds inside the window, with someone queued, and waited (summed over waiters). */
    final long[] inWindow;
    final long[] busy;
    final double[] waited;

    BusySlices(Window window, long width, long[] periods, double[] waitedPerSlice) {
        this.width = width;
        long first = Math.floorDiv(window.startNanos(), width);
        long last = Math.floorDiv(Math.max(window.startNanos(), window.endNanos() - 1), width);
        int slices = (int) (last - first + 1);
        this.firstStart = first * width;
        this.inWindow = new long[slices];
        this.busy = new long[slices];
        this.waited = waitedPerSlice;
        for (int i = 0; i < slices; i++) {
            inWindow[i] = overlap(start(i), end(i), window.startNanos(), window.endNanos());
        }
        for (int p = 0; p < periods.length; p += 2) {
            long from = Math.max(periods[p], window.startNanos());
            long to = Math.min(periods[p + 1], window.endNanos());
            while (from < to) {
                int slice = (int) (Math.floorDiv(from, width) - first);
                long sliceEnd = end(slice);
                long until = Math.min(to, sliceEnd);
                busy[slice] += until - from;
                from = until;
            }
        }
    }

    int size() {
        return inWindow.length;
    }

    long start(int slice) {
        return firstStart + slice * width;
    }

    long end(int slice) {
        return start(slice) + width;
    }

    double busyShare(int slice) {
        return inWindow[slice] > 0 ? Math.min(1.0, (double) busy[slice] / inWindow[slice]) : 0;
    }

    double meanWaiters(int slice) {
        return inWindow[slice] > 0 && slice < waited.length ? waited[slice] / inWindow[slice] : 0;
    }

    static long overlap(long start, long end, long from, long to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
}
