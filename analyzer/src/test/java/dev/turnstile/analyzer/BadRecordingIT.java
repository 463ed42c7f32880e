package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.testkit.DamagedRecording;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not whole recordings fail with one line that says what is wrong, and damaged ones give an analysis or
 * such a line; a recording with very deep stacks is analyzed.
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
    void truncatedRecording() throws IOException {
        byte[] whole = Files.readAllBytes(SampleRecording.of(Jdks.require(17), "gil-juc").file());
        for (int length : new int[] {100, whole.length / 2, whole.length - 10}) {
            Path cut = Files.write(dir.resolve("cut-" + length + ".jfr"), Arrays.copyOf(whole, length));
            assertTrue(failure(cut).contains("is truncated or corrupt"));
        }
    }

    /**
     * A damaged recording gives an analysis or one line that names the file and says what is wrong; any other exception
     * fails the test.
     */
    private Optional<Analysis> analysisOrOneLine(Path file) {
        try {
            return Optional.of(new Analyzer().analyze(file));
        } catch (RecordingException e) {
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    private byte[] recording() throws IOException {
        return Files.readAllBytes(SampleRecording.of(Jdks.require(17), "gil-juc").file());
    }

    @Test
    void bytesOverwrittenInTheMiddleOfAChunk() throws IOException {
        byte[] whole = recording();
        analysisOrOneLine(Files.write(dir.resolve("ones.jfr"), DamagedRecording.blockFilledWith(whole, (byte) 0xff)));
        analysisOrOneLine(Files.write(dir.resolve("zeros.jfr"), DamagedRecording.blockFilledWith(whole, (byte) 0)));
        for (long seed = 1; seed <= 3; seed++) {
            analysisOrOneLine(Files.write(dir.resolve("noise-" + seed + ".jfr"), DamagedRecording.blockOfNoise(whole,
                    seed)));
        }
    }

    @Test
    void aChunkHeaderWithTheWrongSize() throws IOException {
        byte[] whole = recording();
        long size = java.nio.ByteBuffer.wrap(whole).getLong(8);
        for (long wrong : new long[] {size * 2, size - 1, 1000, 1, -1}) {
            analysisOrOneLine(Files.write(dir.resolve("size-" + wrong + ".jfr"), DamagedRecording.firstChunkSize(whole,
                    wrong)));
        }
    }

    /*
     * KNOWN FAILURE, in the analyzer's reading loop (Analyzer.open, which the lead engineer is rewriting; not changed
     * here): a chunk header whose size is 0 makes the JDK's RecordingFile constructor loop forever, reading the same
     * header again (JDK 17.0.15 and 25; `jfr summary` hangs the same way). Fix: check every chunk header's size
     * (at least the 68-byte header, at most what is left of the file) before opening the file with RecordingFile.
     * The timeout makes the test fail instead of hanging once it is enabled.
     */
    @Test
    @Disabled("known failure: a chunk size of 0 hangs the JDK's RecordingFile in Analyzer.open (see the comment)")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChunkHeaderThatSaysItIsEmpty() throws IOException {
        analysisOrOneLine(Files.write(dir.resolve("size-0.jfr"), DamagedRecording.firstChunkSize(recording(), 0)));
    }

    /*
     * KNOWN FAILURE, in the analyzer's reading loop (Analyzer.java, which the lead engineer is rewriting; not changed
     * here): one letter changed in a field's name in the chunk's metadata (here turnstile.AgentStart's agentVersion)
     * leaves the events without the field, and the handler that asks for it throws IllegalArgumentException ("Attempt
     * to get unknown field"), which leaves Analyzer.analyze as is: the CLI says "internal error" with exit code 3. Found
     * by flipping single bytes of a recording (2 of 400 flips). Fix: the loop turns an exception from a handler into a
     * RecordingException naming the event type (a corrupt or foreign recording), or skips the event and says so.
     */
    @Test
    @Disabled("known failure: a damaged field name makes a handler throw IllegalArgumentException (see the comment)")
    void aFieldNameDamagedInTheMetadata() throws IOException {
        analysisOrOneLine(Files.write(dir.resolve("renamed.jfr"), DamagedRecording.renamed(recording(),
                "agentVersion")));
    }

    /**
     * Waits 1,500 frames deep, recorded whole (stackdepth=2048): the analysis names the lock at the bottom. The test
     * first checks that the recording really holds such stacks.
     */
    @Test
    void deepStacks() throws Exception {
        SampleRecording deep = SampleRecording.withJvmOptions(Jdks.require(17), "deepstack", "stackdepth2048",
                "-XX:FlightRecorderOptions:stackdepth=2048");
        int deepest = 0;
        try (RecordingFile file = new RecordingFile(deep.file())) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.JavaMonitorEnter") && event.getStackTrace() != null) {
                    assertFalse(event.getStackTrace().isTruncated(), "a stack was cut");
                    deepest = Math.max(deepest, event.getStackTrace().getFrames().size());
                }
            }
        }
        assertTrue(deepest > Integer.parseInt(deep.truth().get("depth")), "deepest wait stack: " + deepest);

        Analysis analysis = new Analyzer().analyze(deep.file());
        String lock = deep.truth().get("lock");
        assertTrue(analysis.findings().stream().anyMatch(f -> (f.id().equals("TS101") || f.id().equals("TS102"))
                && f.subject().name().equals(lock)), () -> "no lock finding on " + lock + ": " + analysis.findings());
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
