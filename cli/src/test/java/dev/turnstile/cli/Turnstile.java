package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the packaged turnstile jar as users do, on a chosen JDK, for the integration tests. */
final class Turnstile {
    private static final Pattern KEPT = Pattern.compile("recording kept: (\\S+\\.jfr)");

    private Turnstile() {
    }

    static Command.Outcome on(Jdk jdk, Object... args) {
        return command(jdk, args).run();
    }

    /** The command line, for a test that sets more (e.g. the environment) before running it. */
    static Command command(Jdk jdk, Object... args) {
        List<Object> command = new ArrayList<>(List.of(jdk.java(), "-jar", Artifacts.cliJar()));
        command.addAll(List.of(args));
        return Command.of(command.toArray()).timeout(Duration.ofMinutes(2));
    }

    /** The recording a run, demo or attach said it kept. */
    static Path keptRecording(Command.Outcome outcome) {
        Matcher m = KEPT.matcher(outcome.stderr());
        assertTrue(m.find(), () -> "no 'recording kept' line\n" + outcome.describe());
        Path recording = Path.of(m.group(1));
        assertTrue(Files.isRegularFile(recording), recording + " does not exist");
        return recording;
    }

    /** Bad input: exit code 2 and exactly one line on stderr, no stack trace. */
    static void assertInputError(Command.Outcome outcome, String expected) {
        assertEquals(2, outcome.exitCode(), outcome::describe);
        assertEquals("", outcome.stdout(), outcome::describe);
        List<String> lines = outcome.stderr().lines().toList();
        assertEquals(1, lines.size(), outcome::describe);
        assertTrue(lines.get(0).startsWith("turnstile: "), outcome::describe);
        assertTrue(lines.get(0).contains(expected), () -> "'" + expected + "' missing\n" + outcome.describe());
        assertFalse(outcome.stderr().contains("Exception"), outcome::describe);
    }
}
