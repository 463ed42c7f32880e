package dev.turnstile.analyzer;

/**
 * Told how far the analyzer has read a recording, so that a caller can show progress on a large file. Called on the
 * analyzing thread, a few hundred times per file at most, with values that never decrease; the last call has
 * {@code bytesRead == totalBytes}.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (bytesRead, totalBytes) -> { };

    /**
     * @param bytesRead  an estimate of the bytes read so far (see {@link ReadProgress} for how it is estimated)
     * @param totalBytes the recording's size
     */
    void progress(long bytesRead, long totalBytes);
}
