package dev.turnstile.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Recovers what a JVM killed while recording (SIGKILL, a crash) had written to JFR's disk repository: the chunk
 * files JFR writes as it records, every finished one whole and the last one up to its last flush (JFR flushes about
 * once a second). The chunks are joined into one recording, which the analyzer reads like any other.
 *
 * <p>A chunk still being written is marked as such in its header, and JFR's parser then waits for it to finish,
 * forever or until it gives up ("stuck in locked stream state"). Its header says how far its data was complete at
 * the last flush, so the copy keeps that much and marks it finished. A chunk whose header was being rewritten at the
 * moment of the kill, or that does not parse, is skipped.
 */
final class RecordingSalvage {
    /** Chunk header layout (big-endian), as the JDK's parser reads it. */
    private static final int HEADER_SIZE = 68;
    private static final int CHUNK_SIZE_AT = 8;
    private static final int METADATA_AT = 24;
    private static final int STATE_AT = 64;
    private static final byte FINISHED = 0;
    private static final byte BEING_UPDATED = (byte) 255;
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    /** @param chunks chunks kept; {@code skipped} unreadable ones left out */
    record Result(Path file, int chunks, int skipped) {
    }

    private RecordingSalvage() {
    }

    /**
     * @param since chunks last written before this (another recording's, older) are left out
     * @return the recovered recording in {@code destination}, or null if nothing could be recovered
     */
    static Result recover(Path repository, Instant since, Path destination) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        int skipped = 0;
        for (Path file : chunkFiles(repository, since)) {
            byte[] chunk = readableChunk(Files.readAllBytes(file));
            if (chunk != null && parses(chunk)) {
                chunks.add(chunk);
            } else {
                skipped++;
            }
        }
        if (chunks.isEmpty()) {
            return null;
        }
        try (OutputStream out = Files.newOutputStream(destination)) {
            for (byte[] chunk : chunks) {
                out.write(chunk);
            }
        }
        return new Result(destination, chunks.size(), skipped);
    }

    private static List<Path> chunkFiles(Path repository, Instant since) throws IOException {
        if (!Files.isDirectory(repository)) {
            return List.of();
        }
        // The modification time says when a chunk was last written: 2 s of slack for coarse file system clocks.
        long from = since.minusSeconds(2).toEpochMilli();
        try (Stream<Path> files = Files.list(repository)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jfr")
                            || f.getFileName().toString().endsWith(".part"))
                    .filter(f -> lastModified(f) >= from)
                    .sorted(Comparator.comparingLong(RecordingSalvage::lastModified)
                            .thenComparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    /**
     * Whether {@code file} is what JFR writes when a recording ends: chunks laid end to end, each as long as its header
     * says, up to the last byte. Only the headers are read. A file cut short (a disk that filled up while it was
     * written) or never written (an empty file, none) is not.
     */
    static boolean isWhole(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length == 0) {
                return false;
            }
            ByteBuffer header = ByteBuffer.allocate(CHUNK_SIZE_AT + Long.BYTES);
            for (long at = 0; at < length; ) {
                header.clear();
                if (length - at < HEADER_SIZE || channel.read(header, at) < header.capacity()) {
                    return false;
                }
                for (int i = 0; i < MAGIC.length; i++) {
                    if (header.get(i) != MAGIC[i]) {
                        return false;
                    }
                }
                long size = header.getLong(CHUNK_SIZE_AT);
                if (size < HEADER_SIZE || size > length - at) {
                    return false;
                }
                at += size;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A chunk as a finished one, cut at its last flush; null if its header cannot be trusted. */
    static byte[] readableChunk(byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            return null;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return null;
            }
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        long size = header.getLong(CHUNK_SIZE_AT);
        long metadata = header.getLong(METADATA_AT);
        byte state = bytes[STATE_AT];
        if (state == BEING_UPDATED || metadata <= 0 || size < HEADER_SIZE || size > bytes.length) {
            return null;
        }
        byte[] chunk = java.util.Arrays.copyOf(bytes, (int) size);
        chunk[STATE_AT] = FINISHED;
        return chunk;
    }

    /**
     * Reads every event of the chunk, in a temporary file of its own: not beside the destination, whose directory may
     * be the very one that is read-only or full.
     */
    private static boolean parses(byte[] chunk) {
        Path probe = null;
        try {
            probe = Files.createTempFile("turnstile-salvage-", ".jfr");
            Files.write(probe, chunk);
            try (RecordingFile recording = new RecordingFile(probe)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent ignored = recording.readEvent();
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // left for the system's temporary-file cleaner
                }
            }
        }
    }
}
