package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not recordings, or that go bad before their first event, fail with one line that says what is wrong;
 * one that goes bad later is analyzed as far as it reads.
 */
class BadRecordingIT {
    @TempDir
    Path dir;

    private String failure(Path file) {
        RecordingException e = assertThrows(RecordingException.class, () -> new Analyzer().analyze(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void missingFile() {
        assertEquals(dir.resolve("nope.jfr") + ": no such file", failure(dir.resolve("nope.jfr")));
    }

    @Test
    void directory() {
        assertTrue(failure(dir).contains("is a directory"));
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        assertTrue(failure(empty).contains("is empty"));
    }

    @Test
    void foreignFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "these are not the events you are looking for");
        assertTrue(failure(text).contains("is not a JFR recording"));
    }

    @Test
    void recordingCutInItsFirstChunk() throws IOException {
        byte[] whole = Files.readAllBytes(SampleRecording.of(Jdks.require(17), "gil-juc").file());
        int firstChunk = firstChunkSize(whole);
        for (int length : new int[] {100, firstChunk / 2, firstChunk - 10}) {
            Path cut = Files.write(dir.resolve("cut-" + length + ".jfr"), Arrays.copyOf(whole, length));
            assertTrue(failure(cut).contains("is truncated or corrupt"));
        }
    }

    /**
     * A file that reads well for whole chunks and then goes bad (here a recording followed by the first half of
     * another's first chunk) is analyzed as far as it reads, with a note that says so: what it holds is not lost.
     */
    @Test
    void recordingThatGoesBadAfterWholeChunks() throws Exception {
        Path original = SampleRecording.of(Jdks.require(17), "gil-juc").file();
        byte[] whole = Files.readAllBytes(original);
        Path joined = dir.resolve("then-cut.jfr");
        Files.write(joined, whole);
        Files.write(joined, Arrays.copyOf(whole, firstChunkSize(whole) / 2), StandardOpenOption.APPEND);

        Analysis intact = new Analyzer().analyze(original);
        Analysis partial = new Analyzer().analyze(joined);

        assertTrue(partial.recording().notes().stream().anyMatch(n -> n.startsWith("The recording is cut short or"
                + " damaged after its first")), "says where reading stopped: " + partial.recording().notes());
        assertFalse(intact.recording().notes().stream().anyMatch(n -> n.contains("cut short")));
        assertFalse(partial.locks().isEmpty(), "the readable part is analyzed");
        assertEquals(intact.locks().get(0).id(), partial.locks().get(0).id());
        assertEquals(intact.locks().get(0).waits(), partial.locks().get(0).waits(), "the whole first recording");
    }

    /** A chunk header holds the chunk's size, big-endian, after the magic and the version. */
    private static int firstChunkSize(byte[] recording) {
        return (int) ByteBuffer.wrap(recording, 8, 8).getLong();
    }

    @Test
    void unreadableFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.jfr"), "FLR");
        assertTrue(secret.toFile().setReadable(false, false));
        if (Files.isReadable(secret)) {
            return; // running as root: permissions do not apply, nothing to check
        }
        assertTrue(failure(secret).contains("permission denied"));
    }
}
