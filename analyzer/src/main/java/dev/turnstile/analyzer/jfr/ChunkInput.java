package dev.turnstile.analyzer.jfr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings of one chunk from a memory-mapped buffer. Every read is bounded by
 * {@link #limit}, so a cut-short or corrupt chunk ends in a {@link JfrFormatException}, never in reading
 * past the chunk or allocating what a bad length field asks for.
 */
final class ChunkInput {
    private final ByteBuffer bytes;
    private final long fileOffset;
    private final boolean compressed;
    int position;
    int limit;

    ChunkInput(ByteBuffer bytes, long fileOffset, boolean compressed) {
        this.bytes = bytes;
        this.fileOffset = fileOffset;
        this.compressed = compressed;
        this.limit = bytes.limit();
    }

    int chunkSize() {
        return bytes.limit();
    }

    JfrFormatException error(String what) {
        return error(what, position);
    }

    JfrFormatException error(String what, int chunkPosition) {
        return new JfrFormatException(what, fileOffset + chunkPosition);
    }

    byte readByte() throws JfrFormatException {
        if (position >= limit) {
            throw error("cut short: read past the end of the " + (limit == bytes.limit() ? "chunk" : "event"));
        }
        return bytes.get(position++);
    }

    boolean readBoolean() throws JfrFormatException {
        return readByte() != 0;
    }

    /** LEB128-style: 7 bits a byte, low bits first, high bit set means more follow; the 9th byte is whole. */
    long readLong() throws JfrFormatException {
        if (!compressed) {
            return readRaw(8);
        }
        int at = position;
        if (limit - at >= 9) {
            // Fast path, most reads: the longest varint fits, so no byte needs its own bounds check.
            long result = 0;
            for (int shift = 0; shift < 56; shift += 7) {
                byte b = bytes.get(at++);
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    position = at;
                    return result;
                }
            }
            position = at + 1;
            return result | (long) (bytes.get(at) & 0xff) << 56;
        }
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = readByte();
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        return result | (long) (readByte() & 0xff) << 56;
    }

    int readInt() throws JfrFormatException {
        return compressed ? (int) readLong() : (int) readRaw(4);
    }

    short readShort() throws JfrFormatException {
        return compressed ? (short) readLong() : (short) readRaw(2);
    }

    char readChar() throws JfrFormatException {
        return compressed ? (char) readLong() : (char) readRaw(2);
    }

    float readFloat() throws JfrFormatException {
        return Float.intBitsToFloat((int) readRaw(4));
    }

    double readDouble() throws JfrFormatException {
        return Double.longBitsToDouble(readRaw(8));
    }

    private long readRaw(int count) throws JfrFormatException {
        long result = 0;
        for (int i = 0; i < count; i++) {
            result = (result << 8) | (readByte() & 0xff);
        }
        return result;
    }

    /**
     * A count of things each at least one byte long: checked against the bytes left so a corrupt count
     * fails here instead of allocating gigabytes or looping for long.
     */
    int readCount(String what) throws JfrFormatException {
        int start = position;
        long count = readLong();
        if (count < 0 || count > limit - position) {
            throw error(what + " count " + count + " exceeds the " + (limit - position) + " bytes left", start);
        }
        return (int) count;
    }

    /** The first byte of every string says how it is stored. */
    static final int STRING_NULL = 0;
    static final int STRING_EMPTY = 1;
    static final int STRING_CONSTANT = 2;
    static final int STRING_UTF8 = 3;
    static final int STRING_CHARS = 4;
    static final int STRING_LATIN1 = 5;

    /**
     * Reads a string that is stored inline. The caller handles encoding {@link #STRING_CONSTANT} (a key into
     * the java.lang.String pool) because only it knows the pools.
     */
    String readInlineString(byte encoding) throws JfrFormatException {
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_UTF8:
                return new String(readBytes(readCount("UTF-8 string length")), StandardCharsets.UTF_8);
            case STRING_LATIN1:
                return new String(readBytes(readCount("Latin-1 string length")), StandardCharsets.ISO_8859_1);
            case STRING_CHARS: {
                char[] chars = new char[readCount("char array string length")];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = readChar();
                }
                return new String(chars);
            }
            default:
                throw error("unknown string encoding " + encoding, position - 1);
        }
    }

    /** Skips an inline string without building it (for values of event types nobody asked for). */
    void skipString() throws JfrFormatException {
        byte encoding = readByte();
        switch (encoding) {
            case STRING_NULL, STRING_EMPTY -> { }
            case STRING_CONSTANT -> readLong();
            case STRING_UTF8, STRING_LATIN1 -> {
                int length = readCount("string length"); // read before adding: it moves position
                position += length;
            }
            case STRING_CHARS -> {
                int count = readCount("char array string length");
                for (int i = 0; i < count; i++) {
                    readChar();
                }
            }
            default -> throw error("unknown string encoding " + encoding, position - 1);
        }
    }

    private byte[] readBytes(int count) {
        byte[] result = new byte[count];
        bytes.get(position, result);
        position += count;
        return result;
    }
}
