package dev.turnstile.analyzer.time;

/**
 * The observed part of a recording, in epoch nanoseconds: from the moment the agent was ready (or the first event)
 * to the last event. Offsets in the model count from {@link #startNanos}.
 */
public record Window(long startNanos, long endNanos) {
    public long durationNanos() {
        return Math.max(0, endNanos - startNanos);
    }

    public long offset(long epochNanos) {
        return epochNanos - startNanos;
    }

    /**
     * The width of timeline slices for this window: one second, doubled until there are at most
     * {@link SliceSeries#MAX_SLICES} of them.
     */
    public long sliceWidth() {
        long width = SliceSeries.SECOND;
        while (durationNanos() / width + 2 > SliceSeries.MAX_SLICES) {
            width *= 2;
        }
        return width;
    }
}
