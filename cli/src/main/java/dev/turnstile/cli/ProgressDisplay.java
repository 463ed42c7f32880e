package dev.turnstile.cli;

import dev.turnstile.analyzer.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr while a large recording is analyzed: only for a person at a terminal (it would be noise in a
 * log), and only for a file big enough to take a while.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {
    /** Below this a recording is analyzed in a few seconds: no bar. Tests lower it with a system property. */
    static final long MIN_BYTES = Long.getLong("turnstile.progress.minBytes", 50L << 20);
    private static final long MB = 1L << 20;
    /** The bar's width; a fixed one spares asking the terminal, which needs a terminal library's native access. */
    private static final int WIDTH = 80;

    private final ProgressBar bar;

    private ProgressDisplay(long totalBytes) {
        bar = new ProgressBarBuilder()
                .setTaskName("turnstile: analyzing")
                .setInitialMax(Math.max(1, totalBytes))
                .setUnit(" MiB", MB)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH))
                .build();
    }

    /** A bar for a file of {@code totalBytes}, or nothing when none should be shown. */
    static ProgressListener forFile(long totalBytes) {
        return totalBytes >= MIN_BYTES && Terminal.stderrIsTerminal() ? new ProgressDisplay(totalBytes)
                : ProgressListener.NONE;
    }

    @Override
    public void progress(long bytesRead, long totalBytes) {
        bar.stepTo(bytesRead);
    }

    @Override
    public void close() {
        bar.close();
    }
}
