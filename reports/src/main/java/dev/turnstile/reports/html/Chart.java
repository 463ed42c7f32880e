package dev.turnstile.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A time series chart as SVG geometry: the template draws it, so every label passes its escaping. Values are drawn as
 * steps (each slice holds its value for its whole width), which is what a per-second figure means.
 *
 * @param title  what is plotted, with its unit
 * @param yMax   the top of the y axis, as a label
 * @param xTicks labels along the time axis
 * @param series the lines, each with its own colour class
 */
public record Chart(String title, String yMax, String yMid, List<Tick> xTicks, List<Series> series) {
    public static final int WIDTH = 760;
    public static final int HEIGHT = 150;
    public static final int LEFT = 56;
    public static final int BOTTOM = 20;
    public static final int TOP = 8;

    public record Tick(double x, String label) {
    }

    /**
     * @param points   SVG polyline points, numbers only
     * @param area     the closed shape under the line, for series drawn filled; null otherwise
     * @param cssClass one of the chart colours in the page's style
     */
    public record Series(String label, String cssClass, String points, String area) {
    }

    /** One series' values per slice, from {@code startOffsetNanos}, slices {@code sliceNanos} wide. */
    public record Data(String label, String cssClass, List<? extends Number> values, boolean filled) {
    }

    /**
     * @param unitMax the smallest top of the y axis (1 for shares, so that 5 % does not fill the chart)
     * @param format  how a y value reads, e.g. as a percentage
     */
    public static Chart of(String title, long startOffsetNanos, long sliceNanos, long windowNanos, double unitMax,
                           java.util.function.DoubleFunction<String> format, List<Data> data) {
        double max = unitMax;
        int slices = 0;
        for (Data d : data) {
            slices = Math.max(slices, d.values().size());
            for (Number v : d.values()) {
                max = Math.max(max, v.doubleValue());
            }
        }
        double top = niceCeiling(max);
        // The window, which slices aligned to the clock's seconds may stick out of at either end.
        double t0 = 0;
        double t1 = windowNanos > 0 ? windowNanos : Math.max(1, startOffsetNanos + (double) slices * sliceNanos);
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - BOTTOM - TOP;
        java.util.function.DoubleUnaryOperator x = t -> LEFT + (t - t0) / Math.max(1, t1 - t0) * plotWidth;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotHeight - Math.min(v, top) / top * plotHeight;
        List<Series> series = new ArrayList<>();
        for (Data d : data) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < d.values().size(); i++) {
                double v = d.values().get(i).doubleValue();
                double from = Math.max(t0, startOffsetNanos + (double) i * sliceNanos);
                double to = Math.min(t1, startOffsetNanos + (double) (i + 1) * sliceNanos);
                if (to <= from) {
                    continue;
                }
                point(points, x.applyAsDouble(from), y.applyAsDouble(v));
                point(points, x.applyAsDouble(to), y.applyAsDouble(v));
            }
            String area = null;
            if (d.filled() && points.length() > 0) {
                StringBuilder shape = new StringBuilder();
                point(shape, x.applyAsDouble(Math.max(t0, startOffsetNanos)), y.applyAsDouble(0));
                shape.append(points);
                point(shape, x.applyAsDouble(Math.min(t1, startOffsetNanos + (double) d.values().size() * sliceNanos)),
                        y.applyAsDouble(0));
                area = shape.toString().trim();
            }
            series.add(new Series(d.label(), d.cssClass(), points.toString().trim(), area));
        }
        List<Tick> ticks = new ArrayList<>();
        double seconds = t1 / 1e9;
        double step = niceCeiling(seconds / 6);
        for (double s = 0; s <= seconds + 1e-9 && step > 0; s += step) {
            ticks.add(new Tick(x.applyAsDouble(s * 1e9), trimmed(s) + " s"));
        }
        return new Chart(title, format.apply(top), format.apply(top / 2), ticks, series);
    }

    private static void point(StringBuilder out, double x, double y) {
        out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    private static String trimmed(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
                : String.format(Locale.ROOT, "%.1f", seconds);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= value * (1 - 1e-9)) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** Where the y axis' middle line is drawn. */
    public double midY() {
        return TOP + (HEIGHT - BOTTOM - TOP) / 2.0;
    }

    public double bottomY() {
        return HEIGHT - BOTTOM;
    }
}
