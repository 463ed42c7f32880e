package dev.turnstile.analyzer;

import dev.turnstile.analyzer.jfr.JfrReader;

/**
 * Tells the listener how far into the recording the reader is. The reader reads the file front to back and knows its
 * byte position, so the progress is exact and never goes backwards; {@link #finish} reports the whole file.
 */
final class ReadProgress {
    /** Asking costs little, but there is no need to tell the listener after every event. */
    static final int EVENTS_PER_REPORT = 64;

    private final ProgressListener listener;
    private final long totalBytes;
    private long events;
    private long reported = -1;

    ReadProgress(long totalBytes, ProgressListener listener) {
        this.listener = listener;
        this.totalBytes = totalBytes;
    }

    void onEvent(JfrReader reader) {
        if (++events % EVENTS_PER_REPORT == 0 && listener != ProgressListener.NONE) {
            report(Math.min(totalBytes, reader.position()));
        }
    }

    void finish() {
        report(totalBytes);
    }

    private void report(long position) {
        if (position > reported) {
            reported = position;
            listener.progress(position, totalBytes);
        }
    }
}
