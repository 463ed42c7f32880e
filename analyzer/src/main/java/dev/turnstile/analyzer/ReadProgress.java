package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.EventView;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates how far into a recording the reader is. {@link jdk.jfr.consumer.RecordingFile} does not say where it is in
 * the file, but it reads chunks in file order, and every chunk's header gives its place in the file and the span of
 * time its events cover. So an event's end time tells the chunk being read and, by its share of that chunk's span,
 * roughly how far into it the reader is. Events within a chunk are only roughly in time order, and some chunks (an
 * appended profiler chunk) may carry times outside their span: the estimate never goes backwards and is clamped to the
 * chunk, and {@link #finish} reports the whole file.
 */
final class ReadProgress {
    /** Reading an event's time costs little, but there is no need to do it for every event. */
    static final int EVENTS_PER_ESTIMATE = 64;
    /** A JFR chunk header: magic, version, then the chunk's size at 8 and its start and duration at 32 and 40. */
    private static final int HEADER_BYTES = 68;

    private final ProgressListener listener;
    private final long totalBytes;
    private final List<Chunk> chunks;
    private int chunk;
    private long events;
    private long reported = -1;

    ReadProgress(Path file, long totalBytes, ProgressListener listener) {
        this.listener = listener;
        this.totalBytes = totalBytes;
        this.chunks = listener == ProgressListener.NONE ? List.of() : chunks(file, totalBytes);
    }

    void onEvent(EventView event) {
        if (++events % EVENTS_PER_ESTIMATE != 0 || chunks.isEmpty()) {
            return;
        }
        long nanos = event.endNanos();
        while (chunk + 1 < chunks.size() && nanos > chunks.get(chunk).endNanos()
                && nanos >= chunks.get(chunk + 1).startNanos()) {
            chunk++;
        }
        report(chunks.get(chunk).position(nanos));
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

    /** The chunks as their headers describe them; a header that cannot be read ends the list (a truncated file). */
    private static List<Chunk> chunks(Path file, long totalBytes) {
        List<Chunk> chunks = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long offset = 0;
            while (offset + HEADER_BYTES <= totalBytes) {
                in.seek(offset);
                if (in.readInt() != 0x464C5200) { // "FLR\0"
                    break;
                }
                in.readInt(); // major and minor version
                long size = in.readLong();
                in.seek(offset + 32);
                long startNanos = in.readLong();
                long durationNanos = in.readLong();
                if (size < HEADER_BYTES || offset + size > totalBytes) {
                    break;
                }
                chunks.add(new Chunk(offset, size, startNanos, durationNanos));
                offset += size;
            }
        } catch (IOException e) {
            return List.of(); // the analysis itself reports what is wrong with the file
        }
        return chunks;
    }

    private record Chunk(long offset, long size, long startNanos, long durationNanos) {
        long endNanos() {
            return startNanos + durationNanos;
        }

        long position(long nanos) {
            double share = durationNanos <= 0 ? 0 : (double) (nanos - startNanos) / durationNanos;
            return offset + (long) (size * Math.min(1, Math.max(0, share)));
        }
    }
}
