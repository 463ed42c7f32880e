package dev.turnstile.analyzer.jfr;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;

/**
 * Reads the events of a JFR file, chunk after chunk, in file order. Only the event types asked for are
 * decoded; all others are stepped over by their size. Each chunk is memory-mapped, so the heap holds only
 * its types and the constants events refer to, not the file.
 *
 * <pre>
 * try (JfrReader reader = JfrReader.open(file, Set.of("jdk.ThreadPark"))) {
 *     for (JfrEvent event; (event = reader.next()) != null; ) { ... }
 * }
 * </pre>
 */
public final class JfrReader implements Closeable {
    private static final long METADATA_TYPE_ID = 0;
    private static final long CHECKPOINT_TYPE_ID = 1;

    private final FileChannel channel;
    private final long fileSize;
    private final Set<String> wanted;
    /** Whether the other types' events are returned too, with their header fields only. */
    private final boolean headersOfOthers;
    private long nextChunkOffset;
    private Chunk chunk;
    private Chunk previousChunk;
    private int chunkCount;

    private JfrReader(FileChannel channel, Set<String> wanted, boolean headersOfOthers) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
        this.wanted = wanted;
        this.headersOfOthers = headersOfOthers;
    }

    /** A reader that returns only events of the named types. */
    public static JfrReader open(Path file, Collection<String> eventTypes) throws IOException {
        return openFiltered(file, Set.copyOf(eventTypes), false);
    }

    /** A reader that returns every event. */
    public static JfrReader openAll(Path file) throws IOException {
        return openFiltered(file, null, false);
    }

    /**
     * A reader that returns every event, decoding the named types' events whole and the others' only up to their
     * start time, duration and thread (see {@link JfrType#fieldsRead()}): for a caller that needs every event's time
     * and thread, but the rest of a few types only. Their stacks and other constants are not resolved.
     */
    public static JfrReader openWithHeaders(Path file, Collection<String> eventTypes) throws IOException {
        return openFiltered(file, Set.copyOf(eventTypes), true);
    }

    /** {@code wanted} null means every event type. */
    private static JfrReader openFiltered(Path file, Set<String> wanted, boolean headersOfOthers) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            JfrReader reader = new JfrReader(channel, wanted, headersOfOthers);
            if (reader.fileSize == 0) {
                throw new JfrFormatException("empty file", 0);
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The next wanted event, or null at the end of the file. The returned object is reused by later calls. */
    public JfrEvent next() throws IOException {
        while (true) {
            if (chunk == null && !openNextChunk()) {
                return null;
            }
            ChunkInput in = chunk.in;
            int start = in.position;
            if (start >= in.chunkSize()) {
                previousChunk = chunk;
                chunk = null;
                continue;
            }
            // Read as a long: a corrupt size must fail the check below, not wrap into a small int.
            long size = in.readLong();
            if (size <= 0 || size > in.chunkSize() - start) {
                throw in.error("event size " + size + " does not fit the " + (in.chunkSize() - start)
                        + " bytes left in the chunk", start);
            }
            int end = start + (int) size;
            in.limit = end;
            try {
                long typeId = in.readLong();
                if (typeId != METADATA_TYPE_ID && typeId != CHECKPOINT_TYPE_ID) {
                    JfrType type = chunk.type(typeId);
                    if (type != null && type.wanted) {
                        JfrEvent event = type.reusableEvent;
                        if (event == null) {
                            event = new JfrEvent(type, chunk);
                            type.reusableEvent = event;
                        }
                        event.read();
                        return event;
                    }
                }
            } finally {
                in.limit = in.chunkSize();
                in.position = end;
            }
        }
    }

    /**
     * How far into the file the reader is, in bytes: just past the last event returned (or stepped over). Reading
     * is in file order, so this only grows.
     */
    public long position() {
        return chunk == null ? nextChunkOffset : chunk.header.fileOffset() + chunk.in.position;
    }

    /** How many chunks have been opened so far. */
    public int chunkCount() {
        return chunkCount;
    }

    private boolean openNextChunk() throws IOException {
        if (nextChunkOffset >= fileSize) {
            return false;
        }
        long offset = nextChunkOffset;
        ByteBuffer headerBytes = ByteBuffer.allocate(ChunkHeader.SIZE);
        while (headerBytes.hasRemaining() && channel.read(headerBytes, offset + headerBytes.position()) > 0) {
            // read until the header is full or the file ends
        }
        headerBytes.flip();
        ChunkHeader header = ChunkHeader.parse(headerBytes, offset, fileSize - offset);
        ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, offset, header.size());
        chunk = new Chunk(header, new ChunkInput(bytes, offset, header.compressedIntegers()), previousChunk);
        previousChunk = null;
        chunk.types.forEachValue(type -> {
            boolean whole = wanted == null || wanted.contains(type.name());
            type.wanted = whole || headersOfOthers;
            type.fieldsRead = whole ? type.fields().size() : headersOfOthers ? type.headerFields() : 0;
        });
        nextChunkOffset = offset + header.size();
        chunkCount++;
        return true;
    }

    @Override
    public void close() throws IOException {
        chunk = null;
        previousChunk = null;
        channel.close();
    }
}
