package dev.turnstile.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * A whole recording damaged the way disks, copies and crashes damage files, for the tests that feed them to the
 * analyzer and the CLI. Offsets follow JFR's chunk header: the chunk's size at byte 8, big-endian.
 */
public final class DamagedRecording {
    private static final int CHUNK_SIZE_AT = 8;
    /** How many bytes a damaged block spans: a file system block. */
    private static final int BLOCK = 4096;

    private DamagedRecording() {
    }

    /** A block in the middle of the first chunk overwritten with {@code fill}. */
    public static byte[] blockFilledWith(byte[] recording, byte fill) {
        byte[] damaged = recording.clone();
        int from = middleOfFirstChunk(recording);
        Arrays.fill(damaged, from, Math.min(damaged.length, from + BLOCK), fill);
        return damaged;
    }

    /** A block in the middle of the first chunk overwritten with bytes from a seeded generator (the same every run). */
    public static byte[] blockOfNoise(byte[] recording, long seed) {
        byte[] damaged = recording.clone();
        int from = middleOfFirstChunk(recording);
        byte[] noise = new byte[Math.min(BLOCK, damaged.length - from)];
        new Random(seed).nextBytes(noise);
        System.arraycopy(noise, 0, damaged, from, noise.length);
        return damaged;
    }

    /** The first chunk's header says it is {@code size} bytes long. */
    public static byte[] firstChunkSize(byte[] recording, long size) {
        byte[] damaged = recording.clone();
        ByteBuffer.wrap(damaged).putLong(CHUNK_SIZE_AT, size);
        return damaged;
    }

    /**
     * The first occurrence of {@code name} (a field or type name in the chunk's metadata) with one letter changed: the
     * events then lack the field a reader asks for by that name.
     */
    public static byte[] renamed(byte[] recording, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + bytes.length <= recording.length; at++) {
            if (Arrays.equals(recording, at, at + bytes.length, bytes, 0, bytes.length)) {
                byte[] damaged = recording.clone();
                damaged[at] = (byte) (damaged[at] == 'x' ? 'y' : 'x');
                return damaged;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not in the recording");
    }

    private static int middleOfFirstChunk(byte[] recording) {
        long size = ByteBuffer.wrap(recording).getLong(CHUNK_SIZE_AT);
        if (size <= 0 || size > recording.length) {
            throw new IllegalArgumentException("not a whole recording: first chunk of " + size + " bytes");
        }
        return (int) (size / 2);
    }
}
