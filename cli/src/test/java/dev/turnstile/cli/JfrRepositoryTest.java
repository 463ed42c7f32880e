package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the program's JFR makes its repository, read from its options as the JVM reads them, and the chunks in it
 * kept when JFR deletes them.
 */
class JfrRepositoryTest {
    private static final String JFR = "-XX:FlightRecorderOptions";

    private static Path base(Map<String, String> environment, String... command) {
        return JfrRepository.base(List.of(command), environment::get);
    }

    @Test
    void theProgramsTemporaryDirectoryUnlessItsJfrOptionsNameARepository() {
        String temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
        assertEquals(Path.of(temp), base(Map.of(), "java", "-jar", "app.jar"));
        assertEquals(Path.of("/data/tmp"), base(Map.of(), "java", "-Djava.io.tmpdir=/data/tmp", "-jar", "app.jar"));
        assertEquals(Path.of("/var/jfr"), base(Map.of(), "java", "-Djava.io.tmpdir=/data/tmp",
                JFR + ":stackdepth=128,repository=/var/jfr", "Main"));
        assertEquals(Path.of("/data/tmp"), base(Map.of(), "java", "-Djava.io.tmpdir=/data/tmp",
                JFR + "=repository=/var/jfr", JFR + "=stackdepth=128", "Main"), "the last option replaces the first");
    }

    @Test
    void optionsAreReadInTheJvmsOrderAndTheProgramsArgumentsAreNotOptions() {
        Map<String, String> environment = Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g -Djava.io.tmpdir=/from/tool",
                "_JAVA_OPTIONS", "-Djava.io.tmpdir=/from/underscore");
        assertEquals(Path.of("/from/underscore"), base(environment, "java", "-Djava.io.tmpdir=/cmd", "Main"));
        assertEquals(Path.of("/cmd"), base(Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=/from/tool"), "java",
                "-Djava.io.tmpdir=/cmd", "Main"));
        assertEquals(Path.of("/from/tool"), base(Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=/from/tool"), "java",
                "-cp", "app.jar", "Main", "-Djava.io.tmpdir=/program/argument"));
    }

    /** JFR deletes its chunks when it cannot write the recording as the JVM exits; the links outlive that. */
    @Test
    void chunksLinkedWhileTheProgramRunsOutliveJfrDeletingThem() throws Exception {
        Path base = Files.createTempDirectory(Artifacts.outputDirectory(), "repository-base");
        long pid = 4_194_301;
        Instant started = Instant.now();
        Path repository = Files.createDirectory(base.resolve("2026_01_01_00_00_00_" + pid));
        byte[] content = "FLR\0 a chunk".getBytes();
        Path chunk = Files.write(repository.resolve("2026_01_01_00_00_00.jfr"), content);
        Path kept;
        try (JfrRepository jfr = JfrRepository.forCommand(List.of("java", "-Djava.io.tmpdir=" + base, "Main"))) {
            jfr.watch(pid, started);
            jfr.keepChunks();
            assertEquals(repository, jfr.repository().orElseThrow());
            Files.delete(chunk);
            Files.delete(repository);
            kept = jfr.chunks();
            assertNotNull(kept, "nothing kept");
            assertArrayEquals(content, Files.readAllBytes(kept.resolve(chunk.getFileName())));
        }
        assertFalse(Files.exists(kept), "turnstile's links are removed when the run is over");
        try (var left = Files.list(base)) {
            assertTrue(left.toList().isEmpty(), "nothing left beside the repository");
        }
    }
}
