package dev.turnstile.bench;

import dev.turnstile.testkit.Command;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordingFile;

/** Makes the recordings the analyzer benchmarks read: a program run under the agent, and larger files made of copies. */
final class Recordings {
    private Recordings() {
    }

    /**
     * Runs {@code program} under the agent with the given options (besides {@code file}) and returns its recording.
     *
     * @param agentOptions e.g. {@code threshold=0}, or empty for the agent's defaults
     */
    static Path record(BenchSetup setup, Path file, String agentOptions, Class<?> program, Object... args) {
        Path agentJar = setup.agentJar();
        List<Object> command = new ArrayList<>(List.of(setup.java(), "-Xbootclasspath/a:" + agentJar,
                "-javaagent:" + agentJar + "=file=" + file + (agentOptions.isEmpty() ? "" : "," + agentOptions),
                "-cp", setup.benchJar(), program.getName()));
        command.addAll(List.of(args));
        Command.Outcome outcome = Command.of(command.toArray()).timeout(Duration.ofMinutes(30)).run();
        if (outcome.exitCode() != 0 || !Files.isRegularFile(file)) {
            throw new IllegalStateException("recording failed: " + outcome.describe());
        }
        return file;
    }

    /**
     * A larger recording made of {@code copies} of {@code file} one after the other in time. A JFR file is a sequence of
     * self-contained chunks, so copies laid end to end are a valid recording (the JDK's {@code jfr assemble} joins
     * chunk files the same way). Each chunk's header says when it started, and its events' times count from there:
     * every copy after the first has its chunks' start moved on by the recording's span and a second, so the copies
     * follow each other as if the program had run that many times longer. Without the move every copy's events would
     * have the same times, and JMC's loader keeps only one of events that are alike in every field: it would read one
     * copy's worth.
     */
    static Path concatenated(Path file, int copies, Path directory) throws IOException {
        Path big = directory.resolve(copies + "x-" + file.getFileName());
        System.err.println("bench: writing " + copies + " copies of " + file.getFileName() + " one after the other");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(big, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            List<ChunkHeader> chunks = ChunkHeader.readAll(in);
            long first = chunks.stream().mapToLong(ChunkHeader::startNanos).min().orElseThrow();
            long last = chunks.stream().mapToLong(c -> c.startNanos() + c.durationNanos()).max().orElseThrow();
            long span = last - first + 1_000_000_000L;
            for (int copy = 0; copy < copies; copy++) {
                for (ChunkHeader chunk : chunks) {
                    ByteBuffer header = chunk.movedBy(copy * span);
                    while (header.hasRemaining()) {
                        out.write(header);
                    }
                    long position = chunk.position() + ChunkHeader.SIZE;
                    long remaining = chunk.size() - ChunkHeader.SIZE;
                    while (remaining > 0) {
                        long written = in.transferTo(position, remaining, out);
                        position += written;
                        remaining -= written;
                    }
                }
            }
        }
        return big;
    }

    /**
     * The fixed-size header that starts every chunk of a JFR file (JDK 11 and later, format 2.x): magic {@code FLR\0},
     * version, then big-endian longs: the chunk's size, two offsets, its start in epoch nanoseconds, its duration,
     * its start in ticks, ticks per second, then flags.
     */
    private record ChunkHeader(long position, ByteBuffer bytes) {
        static final int SIZE = 68;
        private static final int MAGIC = 0x464c5200; // "FLR\0"
        private static final int CHUNK_SIZE = 8;
        private static final int START_NANOS = 32;
        private static final int DURATION_NANOS = 40;

        static List<ChunkHeader> readAll(FileChannel in) throws IOException {
            List<ChunkHeader> chunks = new ArrayList<>();
            for (long position = 0; position < in.size(); ) {
                ByteBuffer bytes = ByteBuffer.allocate(SIZE);
                int read = 0;
                while (bytes.hasRemaining() && read >= 0) {
                    read = in.read(bytes, position + bytes.position());
                }
                if (bytes.hasRemaining() || bytes.getInt(0) != MAGIC) {
                    throw new IOException("not a JFR chunk at byte " + position);
                }
                ChunkHeader chunk = new ChunkHeader(position, bytes);
                chunks.add(chunk);
                position += chunk.size();
            }
            return chunks;
        }

        long size() {
            return bytes.getLong(CHUNK_SIZE);
        }

        long startNanos() {
            return bytes.getLong(START_NANOS);
        }

        long durationNanos() {
            return bytes.getLong(DURATION_NANOS);
        }

        /** The header with the chunk's start moved on by {@code nanos}, ready to be written. */
        ByteBuffer movedBy(long nanos) {
            ByteBuffer moved = ByteBuffer.allocate(SIZE).put(bytes.duplicate().clear());
            return moved.putLong(START_NANOS, startNanos() + nanos).clear();
        }
    }

    /** How many copies of {@code file} come closest to {@code targetMb} megabytes (at least one). */
    static int copiesFor(Path file, double targetMb) throws IOException {
        return (int) Math.max(1, Math.round(targetMb * 1e6 / Files.size(file)));
    }

    /** What a recording is made of: its event count and the commonest event types' shares of it. */
    static String composition(Path file) throws IOException {
        Map<String, Long> byType = new HashMap<>();
        long events = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                byType.merge(recording.readEvent().getEventType().getName(), 1L, Long::sum);
                events++;
            }
        }
        long total = events;
        return String.format(Locale.ROOT, "%,d events: ", total) + byType.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(4)
                .map(e -> String.format(Locale.ROOT, "%.0f %% %s", 100.0 * e.getValue() / total, e.getKey()))
                .collect(Collectors.joining(", "));
    }

    static double megabytes(Path file) throws IOException {
        return Files.size(file) / 1e6;
    }
}
