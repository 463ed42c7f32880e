package dev.turnstile.reports.html;

import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.model.ThreadTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The thread-state timeline: one strip per thread, each cell coloured by the state the thread spent most of that
 * stretch in, with the full split in its tooltip.
 */
public record ThreadStrips(List<Row> rows, List<Chart.Tick> ticks, int height) {
    public static final int LABEL_WIDTH = 230;
    public static final int WIDTH = 990;
    public static final int ROW_HEIGHT = 16;
    public static final int AXIS_HEIGHT = 18;
    /** More slices than this are drawn in groups, so a long recording stays a few thousand cells. */
    static final int MAX_CELLS = 150;
    static final String[] STATES = {"running", "runnable", "blocked", "parked", "waiting", "sleeping", "io", "other"};

    public record Row(String name, boolean jvmInternal, double y, List<Cell> cells) {
    }

    /** @param state the CSS class and legend name of its main state */
    public record Cell(double x, double width, String state, String title) {
    }

    static ThreadStrips of(List<ThreadTimeline> timelines, long windowNanos) {
        if (timelines.isEmpty()) {
            return null;
        }
        ThreadTimeline first = timelines.get(0);
        int slices = first.slices().size();
        int group = Math.max(1, (slices + MAX_CELLS - 1) / MAX_CELLS);
        long t0 = 0;
        long t1 = windowNanos > 0 ? windowNanos : Math.max(1, first.startOffsetNanos() + (long) slices
                * first.sliceNanos());
        double plot = WIDTH - LABEL_WIDTH - 4;
        List<Row> rows = new ArrayList<>();
        for (ThreadTimeline thread : timelines) {
            double y = rows.size() * ROW_HEIGHT;
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < thread.slices().size(); i += group) {
                ThreadStates sum = ThreadStates.NONE;
                for (int j = i; j < Math.min(thread.slices().size(), i + group); j++) {
                    sum = sum.plus(thread.slices().get(j));
                }
                if (sum.total() <= 0) {
                    continue;
                }
                long from = Math.max(t0, thread.startOffsetNanos() + i * thread.sliceNanos());
                long to = Math.min(t1, Math.min(thread.startOffsetNanos() + (i + group) * thread.sliceNanos(),
                        thread.startOffsetNanos() + thread.slices().size() * thread.sliceNanos()));
                if (to <= from) {
                    continue;
                }
                double x = LABEL_WIDTH + (double) (from - t0) / (t1 - t0) * plot;
                double w = (double) (to - from) / (t1 - t0) * plot;
                cells.add(new Cell(x, Math.max(0.5, w - 0.3), mainState(sum), describe(from, to, sum)));
            }
            rows.add(new Row(thread.name(), thread.jvmInternal(), y, cells));
        }
        List<Chart.Tick> ticks = new ArrayList<>();
        double seconds = t1 / 1e9;
        double step = Chart.niceCeiling(seconds / 8);
        for (double s = 0; s <= seconds + 1e-9; s += step) {
            ticks.add(new Chart.Tick(LABEL_WIDTH + (s * 1e9 - t0) / (t1 - t0) * plot,
                    (s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s)) + " s"));
        }
        return new ThreadStrips(rows, ticks, rows.size() * ROW_HEIGHT + AXIS_HEIGHT);
    }

    static long[] parts(ThreadStates s) {
        return new long[] {s.running(), s.runnable(), s.blocked(), s.parked(), s.waiting(), s.sleeping(), s.io(),
            s.other()};
    }

    static String mainState(ThreadStates states) {
        long[] parts = parts(states);
        int best = 0;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i] > parts[best]) {
                best = i;
            }
        }
        return STATES[best];
    }

    private static String describe(long from, long to, ThreadStates states) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.1f–%.1f s:", from / 1e9, to / 1e9));
        long[] parts = parts(states);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] * 100 >= states.total()) {
                text.append(' ').append(STATES[i]).append(' ')
                        .append(Math.round(parts[i] * 100.0 / states.total())).append('%');
            }
        }
        return text.toString();
    }

    public List<String> states() {
        return List.of(STATES);
    }
}
