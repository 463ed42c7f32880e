package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not whole recordings fail with one line that says what is wrong. */
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
