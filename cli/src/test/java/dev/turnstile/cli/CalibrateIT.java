package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.calibration.Calibration.Cost;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * `turnstile calibrate --quick` measures this machine for real, through the packaged jar on JDK 17. Every run gets
 * its own config folder (XDG_CONFIG_HOME) and no TURNSTILE_CALIBRATION, so nothing is written into the real home.
 */
class CalibrateIT {
    private static final String[] LABELS = {"thread handoff, one CPU", "thread handoff, two CPUs",
        "virtual-thread handoff", "Thread.start + join", "pool submit -> run -> get", "process spawn + wait",
        "lock + unlock, uncontended", "lock handoff, contended"};

    private static Path configFolder(String name) throws Exception {
        return Files.createTempDirectory(Artifacts.outputDirectory(), name).resolve("config");
    }

    private static Command.Outcome calibrate(Path config, Object... args) {
        Object[] command = new Object[args.length + 1];
        command[0] = "calibrate";
        System.arraycopy(args, 0, command, 1, args.length);
        return Turnstile.command(Jdks.require(17), command)
                .env("XDG_CONFIG_HOME", config.toString())
                .env("TURNSTILE_CALIBRATION", null)
                .run();
    }

    private static long median(Map<String, JsonNode> operations, Cost cost) {
        return operations.get(cost.key).path("medianNanos").asLong();
    }

    private static long fastest(Map<String, JsonNode> operations, Cost cost) {
        return (long) operations.get(cost.key).path("minNanos").asDouble();
    }

    @Test
    void measuresPositiveOrderedFiguresAndSavesThemWhereTheAnalyzerLooks() throws Exception {
        Path config = configFolder("calibrate-json");
        Command.Outcome outcome = calibrate(config, "--quick", "--format", "json", "--save");
        assertEquals(0, outcome.exitCode(), outcome::describe);

        JsonNode json = new ObjectMapper().readTree(outcome.stdout()); // valid JSON, and nothing else on stdout
        assertEquals(1, json.path("schemaVersion").asInt());
        Map<String, JsonNode> operations = new HashMap<>();
        json.path("operations").forEach(op -> operations.put(op.path("key").asText(), op));
        assertEquals(Cost.values().length, operations.size(), outcome::describe);
        for (JsonNode op : operations.values()) {
            if (op.path("measured").asBoolean()) {
                long median = op.path("medianNanos").asLong();
                assertTrue(median > 0, () -> op + "\n" + outcome.describe());
                assertTrue(op.path("minNanos").asDouble() <= median + 1 && median <= op.path("maxNanos").asDouble() + 1,
                        op::toString);
                assertTrue(op.path("repetitions").asInt() >= 3, op::toString);
            }
        }
        for (Cost always : new Cost[] {Cost.HANDOFF_SAME_CPU, Cost.THREAD_START_JOIN, Cost.POOL_SUBMIT_RUN,
                Cost.PROCESS_SPAWN_WAIT, Cost.LOCK_UNCONTENDED, Cost.LOCK_CONTENDED}) {
            assertTrue(operations.get(always.key).path("measured").asBoolean(), () -> always.key + " not measured\n"
                    + outcome.describe());
        }
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(operations.get(Cost.HANDOFF_CROSS_CPU.key).path("measured").asBoolean(), outcome::describe);
        }
        JsonNode virtual = operations.get(Cost.VIRTUAL_HANDOFF.key);
        if (Jdks.findAtLeast(21).isPresent() && System.getenv("TURNSTILE_TEST_JDKS") == null) {
            assertTrue(virtual.path("measured").asBoolean(), () -> "a JDK 21+ is installed\n" + outcome.describe());
        } else if (!virtual.path("measured").asBoolean()) {
            assertEquals("skipped: needs JDK 21+", virtual.path("missing").asText());
        }

        // Medians include the delays other programs cause on a loaded machine; the gap between a handoff and a
        // thread start (tens of times) survives them. The fastest repetitions, the least disturbed, keep the whole
        // order the issue asks for: process spawn > thread start > any handoff.
        assertTrue(median(operations, Cost.THREAD_START_JOIN) > median(operations, Cost.HANDOFF_SAME_CPU),
                outcome::stdout);
        assertTrue(median(operations, Cost.PROCESS_SPAWN_WAIT) > median(operations, Cost.HANDOFF_SAME_CPU),
                outcome::stdout);
        assertTrue(fastest(operations, Cost.PROCESS_SPAWN_WAIT) > fastest(operations, Cost.THREAD_START_JOIN),
                outcome::stdout);
        for (Cost handoff : new Cost[] {Cost.HANDOFF_SAME_CPU, Cost.HANDOFF_CROSS_CPU, Cost.VIRTUAL_HANDOFF}) {
            if (operations.get(handoff.key).path("measured").asBoolean()) {
                assertTrue(fastest(operations, Cost.THREAD_START_JOIN) > fastest(operations, handoff),
                        () -> handoff.key + "\n" + outcome.stdout());
            }
        }

        Path file = config.resolve("turnstile/calibration.properties");
        assertEquals(file.toAbsolutePath().toString(), json.path("savedTo").asText());
        assertTrue(outcome.stderr().contains("calibration saved to " + file.toAbsolutePath()), outcome::describe);
        Calibration saved = Calibration.load(file);
        for (Cost cost : Cost.values()) {
            JsonNode op = operations.get(cost.key);
            assertEquals(op.path("measured").asBoolean(), saved.isMeasured(cost), cost.key);
            long expected = op.path("measured").asBoolean() ? op.path("medianNanos").asLong() : cost.defaultNanos();
            assertEquals(expected, saved.nanos(cost), cost.key);
        }
        assertEquals(Instant.parse(json.path("measured").asText()), saved.measured());
        assertEquals(json.path("machine").asText(), saved.machine());
        assertEquals(saved.nanos(Cost.HANDOFF_SAME_CPU), json.path("switchCost").path("nanos").asLong());
        assertTrue(outcome.stderr().contains("[8/8]"), () -> "progress on stderr\n" + outcome.describe());
    }

    @Test
    void withoutSaveItPrintsTheTableAndAHintAndWritesNothing() throws Exception {
        Path config = configFolder("calibrate-text");
        Command.Outcome outcome = calibrate(config, "--quick");
        assertEquals(0, outcome.exitCode(), outcome::describe);
        for (String label : LABELS) {
            assertTrue(outcome.stdout().contains(label), () -> label + "\n" + outcome.describe());
        }
        assertTrue(outcome.stdout().contains("The analyzer charges each context switch the one-CPU handoff: "),
                outcome::describe);
        assertTrue(outcome.stderr().contains("not saved; run 'turnstile calibrate --save'"), outcome::describe);
        assertFalse(Files.exists(config), "nothing written without --save");
    }

    @Test
    void savesToTheFileGiven() throws Exception {
        Path config = configFolder("calibrate-file");
        Path file = config.getParent().resolve("elsewhere/mine.properties");
        Command.Outcome outcome = calibrate(config, "--quick", "--save", file);
        assertEquals(0, outcome.exitCode(), outcome::describe);
        Calibration saved = Calibration.load(file);
        assertFalse(saved.isDefault());
        assertTrue(saved.isMeasured(Cost.HANDOFF_SAME_CPU));
        assertTrue(outcome.stderr().contains("set TURNSTILE_CALIBRATION=" + file.toAbsolutePath()), outcome::describe);
        assertFalse(Files.exists(config), "the default location is left alone");
    }

    @Test
    void savingWhereNoFileCanBeIsAnInputError() throws Exception {
        // A regular file where the folder should be: even root cannot write there.
        Path notAFolder = Files.writeString(configFolder("calibrate-bad").getParent().resolve("plain"), "x");
        Turnstile.assertInputError(calibrate(notAFolder, "--quick", "--save"), "cannot save the calibration to");
        Turnstile.assertInputError(calibrate(notAFolder, "--quick", "--save", notAFolder.resolve("cal.properties")),
                "cannot save the calibration to");
    }
}
