package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The progress a caller sees while a real recording is analyzed: rising estimates, ending at the file's size. The churn
 * sample's thread starts and ends give events all through the recording.
 */
class ReadProgressIT {

    @Test
    void reportsRisingPositionsUpToTheWholeFile() throws Exception {
        Path file = SampleRecording.of(Jdks.require(17), "churn").file();
        long size = Files.size(file);
        List<long[]> calls = new ArrayList<>();
        new Analyzer().analyze(file, (read, total) -> calls.add(new long[] {read, total}));

        assertTrue(calls.size() >= 3, "a few estimates before the end, got " + calls.size());
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(size, calls.get(i)[1], "the total is the file's size");
            assertTrue(calls.get(i)[0] >= 0 && calls.get(i)[0] <= size, "within the file: " + calls.get(i)[0]);
            if (i > 0) {
                assertTrue(calls.get(i)[0] > calls.get(i - 1)[0], "rising at call " + i);
            }
        }
        assertTrue(calls.get(0)[0] < size, "an estimate before the end: " + calls.get(0)[0] + " of " + size);
        assertEquals(size, calls.get(calls.size() - 1)[0], "the last call reports the whole file");
    }
}
