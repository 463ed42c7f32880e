package dev.turnstile.analyzer.jfr;

import java.nio.ByteBuffer;

/**
 * The fixed 68 bytes that open every chunk. Positions are relative to the chunk's first byte; times are the
 * chunk's start in epoch nanos and in ticks, which is what event ticks are converted against.
 */
record ChunkHeader(long fileOffset, int major, int minor, long size, long constantPoolPosition,
                   long metadataPosition, long startNanos, long durationNanos, long startTicks,
                   long ticksPerSecond, int features) {

    static final int SIZE = 68;
    private static final int COMPRESSED_INTS = 1;

    static ChunkHeader parse(ByteBuffer bytes, long fileOffset, long bytesLeftInFile) throws JfrFormatException {
        if (bytes.remaining() < SIZE) {
            throw new JfrFormatException("chunk header cut short (" + bytes.remaining() + " of " + SIZE + " bytes)",
                    fileOffset);
        }
        if (bytes.get(0) != 'F' || bytes.get(1) != 'L' || bytes.get(2) != 'R' || bytes.get(3) != 0) {
            throw new JfrFormatException("not a JFR chunk (no FLR magic)", fileOffset);
        }
        ChunkHeader header = new ChunkHeader(fileOffset, bytes.getShort(4), bytes.getShort(6), bytes.getLong(8),
                bytes.getLong(16), bytes.getLong(24), bytes.getLong(32), bytes.getLong(40), bytes.getLong(48),
                bytes.getLong(56), bytes.getInt(64));
        header.check(bytesLeftInFile);
        return header;
    }

    private void check(long bytesLeftInFile) throws JfrFormatException {
        // Version 1 (JDK 9 and 10) lays checkpoints out differently; JDK 11 and later write 2.x.
        if (major != 2) {
            throw new JfrFormatException("unsupported JFR version " + major + "." + minor + " (this reader reads 2.x)",
                    fileOffset + 4);
        }
        // A size smaller than the header would make the next chunk start inside this one (the JDK's parser then reads
        // this header again forever): said as it is, as "does not fit" would be wrong.
        if (size < SIZE) {
            throw new JfrFormatException("the chunk at byte " + fileOffset + " declares a size of " + size
                    + " bytes, less than its " + SIZE + "-byte header", fileOffset + 8);
        }
        if (size > bytesLeftInFile) {
            throw new JfrFormatException("chunk size " + size + " does not fit the " + bytesLeftInFile
                    + " bytes left in the file (cut short?)", fileOffset + 8);
        }
        if (size > Integer.MAX_VALUE) {
            throw new JfrFormatException("chunk of " + size + " bytes is larger than this reader handles (2 GB)",
                    fileOffset + 8);
        }
        if (constantPoolPosition < SIZE || constantPoolPosition >= size) {
            throw new JfrFormatException("constant pool position " + constantPoolPosition + " outside the chunk",
                    fileOffset + 16);
        }
        if (metadataPosition < SIZE || metadataPosition >= size) {
            throw new JfrFormatException("metadata position " + metadataPosition + " outside the chunk",
                    fileOffset + 24);
        }
        if (ticksPerSecond <= 0) {
            throw new JfrFormatException("ticks per second " + ticksPerSecond + " is not positive", fileOffset + 56);
        }
    }

    boolean compressedIntegers() {
        return (features & COMPRESSED_INTS) != 0;
    }
}
