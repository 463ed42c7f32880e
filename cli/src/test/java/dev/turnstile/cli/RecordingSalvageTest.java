package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * Recovering a chunk JFR is still writing, as a killed JVM leaves it: this JVM records to disk, and the chunk in its
 * repository is copied while the recording runs.
 */
class RecordingSalvageTest {

    @Test
    void aChunkStillBeingWrittenIsReadUpToItsLastFlush() throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "salvage");
        Path copy = dir.resolve("repository");
        Files.createDirectories(copy);
        Instant since = Instant.now();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ThreadSleep").withThreshold(java.time.Duration.ZERO);
            recording.setToDisk(true);
            recording.start();
            long deadline = System.nanoTime() + 2_500_000_000L; // past JFR's once-a-second flush
            while (System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Path repository = Path.of(System.getProperty("jdk.jfr.repository"));
            try (Stream<Path> chunks = Files.list(repository)) {
                for (Path chunk : chunks.filter(p -> p.toString().endsWith(".jfr")).toList()) {
                    Files.copy(chunk, copy.resolve(chunk.getFileName()));
                }
            }
        }
        Path recovered = dir.resolve("recovered.jfr");
        RecordingSalvage.Result result = RecordingSalvage.recover(copy, since, recovered);
        assertNotNull(result, "nothing recovered");
        assertTrue(result.chunks() >= 1, result.toString());
        long sleeps = RecordingFile.readAllEvents(recovered).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ThreadSleep")).count();
        assertTrue(sleeps >= 20, "sleeps recorded up to the last flush: " + sleeps);
    }

    /** What turnstile run checks before it trusts the file JFR wrote as the program exited. */
    @Test
    void aRecordingIsWholeWhenItsChunksFillItExactly() throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "whole");
        Path file = dir.resolve("whole.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ThreadSleep").withThreshold(java.time.Duration.ZERO);
            recording.start();
            Thread.sleep(20);
            recording.dump(file);
        }
        assertTrue(RecordingSalvage.isWhole(file));
        byte[] bytes = Files.readAllBytes(file);
        Path twice = Files.write(dir.resolve("twice.jfr"), concat(bytes, bytes));
        assertTrue(RecordingSalvage.isWhole(twice), "two chunks end to end");
        Path cut = Files.write(dir.resolve("cut.jfr"), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertFalse(RecordingSalvage.isWhole(cut), "one byte short");
        Path longer = Files.write(dir.resolve("longer.jfr"), concat(bytes, new byte[] {'F', 'L'}));
        assertFalse(RecordingSalvage.isWhole(longer), "a few bytes of another chunk after it");
        assertFalse(RecordingSalvage.isWhole(Files.write(dir.resolve("empty.jfr"), new byte[0])), "empty");
        assertFalse(RecordingSalvage.isWhole(dir.resolve("missing.jfr")), "missing");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void aHeaderBeingRewrittenOrTooShortIsNotTrusted() {
        byte[] header = new byte[68];
        header[0] = 'F';
        header[1] = 'L';
        header[2] = 'R';
        header[64] = (byte) 255;
        assertNull(RecordingSalvage.readableChunk(header));
        assertNull(RecordingSalvage.readableChunk(new byte[10]));
        assertEquals(null, RecordingSalvage.readableChunk("not a recording at all, longer than a header......"
                .repeat(3).getBytes()));
    }
}
