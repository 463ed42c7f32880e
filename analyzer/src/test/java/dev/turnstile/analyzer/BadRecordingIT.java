package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.testkit.DamagedRecording;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not recordings, or that go bad before their first event, fail with one line that says what is wrong;
 * one that goes bad later is analyzed as far as it reads, and a recording with very deep stacks is analyzed.
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

    /** The JDK's parser would read a chunk header that says its chunk is empty again and again, forever. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChunkHeaderThatSaysItIsEmpty() throws IOException {
        Path empty = Files.write(dir.resolve("size-0.jfr"), DamagedRecording.firstChunkSize(recording(), 0));
        assertTrue(failure(empty).contains("the chunk at byte 0 declares a size of 0 bytes"));
    }

    /** The same damage in a later chunk: the chunks before it are analyzed, and the note names the bad chunk. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLaterChunkHeaderThatSaysItIsEmpty() throws Exception {
        byte[] whole = recording();
        byte[] joined = Arrays.copyOf(whole, whole.length * 2);
        System.arraycopy(DamagedRecording.firstChunkSize(whole, 0), 0, joined, whole.length, whole.length);
        Analysis partial = new Analyzer().analyze(Files.write(dir.resolve("later-size-0.jfr"), joined));
        assertTrue(partial.recording().notes().stream().anyMatch(n -> n.startsWith("The recording is cut short or"
                + " damaged after its first") && n.contains("the chunk at byte " + whole.length + " declares a size"
                + " of 0 bytes")), partial.recording().notes()::toString);
        assertFalse(partial.locks().isEmpty(), "the chunks before it are analyzed");
    }

    /**
     * One letter changed in a field's name in the metadata (turnstile.AgentStart's agentVersion; found by flipping
     * single bytes of a recording) leaves the events without a field the analyzer reads: they are skipped and counted.
     */
    @Test
    void aFieldNameDamagedInTheMetadata() throws IOException {
        Analysis analysis = analysisOrOneLine(Files.write(dir.resolve("renamed.jfr"), DamagedRecording.renamed(
                recording(), "agentVersion"))).orElseThrow();
        assertTrue(analysis.recording().notes().stream().anyMatch(n -> n.contains("events were skipped")
                && n.contains("turnstile.AgentStart.agentVersion")), analysis.recording().notes()::toString);
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
