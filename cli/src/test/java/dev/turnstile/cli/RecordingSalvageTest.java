package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
