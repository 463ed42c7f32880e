package dev.turnstile.analyzer.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.calibration.Calibration.Cost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration file as calibrate writes it and the analyzer reads it, on real files. */
class CalibrationTest {
    @TempDir
    Path dir;

    private static Calibration measuredOnSomeMachine() {
        Map<Cost, Long> costs = new EnumMap<>(Cost.class);
        costs.put(Cost.HANDOFF_SAME_CPU, 812L);
        costs.put(Cost.HANDOFF_CROSS_CPU, 2_345L);
        costs.put(Cost.PROCESS_SPAWN_WAIT, 987_654L);
        return new Calibration(costs, Instant.parse("2026-11-22T10:15:30.123456789Z"), " 2 CPUs: Linux = \"odd\" \\ C:\\jdk\nsecond line, \u00e9t\u00e9");
    }

    @Test
    void savedFileReadsBackEqual() throws IOException {
        Calibration saved = measuredOnSomeMachine();
        Path file = dir.resolve("nested/folder/calibration.properties");
        saved.save(file);
        assertEquals(saved, Calibration.load(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no partial file is left behind");
        }
    }

    @Test
    void theFileListsFiguresInTheTablesOrderForPeopleToRead() throws IOException {
        Path file = dir.resolve("calibration.properties");
        measuredOnSomeMachine().save(file);
        List<String> keys = Files.readAllLines(file).stream().filter(line -> !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('='))).toList();
        assertEquals(List.of("handoff.sameCpu", "handoff.crossCpu", "process.spawnWait", "measured", "machine"), keys);
    }

    @Test
    void costsTheFileDoesNotHoldFallBackToTheDefaults() throws IOException {
        Path file = dir.resolve("calibration.properties");
        measuredOnSomeMachine().save(file);
        Calibration loaded = Calibration.load(file);
        assertFalse(loaded.isDefault());
        assertTrue(loaded.isMeasured(Cost.HANDOFF_SAME_CPU));
        assertEquals(812, loaded.nanos(Cost.HANDOFF_SAME_CPU));
        assertFalse(loaded.isMeasured(Cost.VIRTUAL_HANDOFF));
        assertEquals(Cost.VIRTUAL_HANDOFF.defaultNanos(), loaded.nanos(Cost.VIRTUAL_HANDOFF));
    }

    @Test
    void defaultsAreTheDocumentedFigures() {
        Calibration defaults = Calibration.defaults();
        assertTrue(defaults.isDefault());
        assertEquals(600, defaults.nanos(Cost.HANDOFF_SAME_CPU));
        for (Cost cost : Cost.values()) {
            assertFalse(defaults.isMeasured(cost));
            assertTrue(defaults.nanos(cost) > 0, cost.key);
        }
    }

    @Test
    void aHandWrittenFileWithoutADateCountsAsMeasured() throws IOException {
        Path file = Files.writeString(dir.resolve("hand.properties"), "handoff.sameCpu = 700\nsomething.newer=3\n");
        Calibration loaded = Calibration.load(file);
        assertFalse(loaded.isDefault());
        assertEquals(700, loaded.nanos(Cost.HANDOFF_SAME_CPU));
        assertEquals("unknown", loaded.machine());
    }

    @Test
    void badFiguresAreRejectedWithTheKeyNamed() throws IOException {
        Path negative = Files.writeString(dir.resolve("negative.properties"), "handoff.sameCpu=-5\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.load(negative)).getMessage()
                .contains("handoff.sameCpu must be positive"));
        Path words = Files.writeString(dir.resolve("words.properties"), "lock.contended=fast\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.load(words)).getMessage()
                .contains("lock.contended is not a whole number"));
        Path date = Files.writeString(dir.resolve("date.properties"), "measured=yesterday\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.load(date)).getMessage()
                .contains("measured is not an ISO-8601 instant"));
    }

    @Test
    void savingWhereAFileStandsInForTheFolderFails() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        assertThrows(IOException.class, () -> measuredOnSomeMachine().save(notAFolder.resolve("calibration.properties")));
    }
}
