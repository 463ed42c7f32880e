package dev.turnstile.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's built jars, as the build passes them to tests in system properties (see the surefire and
 * failsafe configuration of the modules that use them).
 */
public final class Artifacts {
    private Artifacts() {
    }

    public static Path agentJar() {
        return existing("turnstile.agent.jar");
    }

    public static Path samplesJar() {
        return existing("turnstile.samples.jar");
    }

    public static Path cliJar() {
        return existing("turnstile.cli.jar");
    }

    /** Where tests write recordings and reports, inside the module's build folder. */
    public static Path outputDirectory() {
        Path dir = Path.of(System.getProperty("turnstile.test.output", "target/test-output")).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through"
                    + " Maven (mvn verify), which builds the jars first and passes their paths");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + "=" + value + " does not exist: run 'mvn verify' from the"
                    + " project root so the jar is packaged before the tests use it");
        }
        return path;
    }
}
