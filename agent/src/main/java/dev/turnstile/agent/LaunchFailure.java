package dev.turnstile.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * When the agent cannot even load its core (no jdk.jfr module, an unreadable jar), {@code turnstile attach} still
 * waits for an answer in its control directory: this writes the {@code failed} marker the core would have written
 * (see the core's ControlChannel, which it cannot share: the core lives in another class loader).
 */
final class LaunchFailure {
    private LaunchFailure() {
    }

    static void report(String options, Throwable cause) {
        Path control = controlDirectory(options);
        if (control == null || Files.exists(control.resolve("failed")) || Files.exists(control.resolve("started"))) {
            return;
        }
        Properties marker = new Properties();
        marker.setProperty("reason", "agent not started: " + cause);
        Path partial = control.resolve(".failed.partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                marker.store(out, "turnstile attach: failed");
            }
            Files.move(partial, control.resolve("failed"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // turnstile attach then reports that the agent did not answer, and the JVM's stderr says why
        }
    }

    private static Path controlDirectory(String options) {
        if (options == null) {
            return null;
        }
        for (String option : options.split(",")) {
            String trimmed = option.trim();
            if (trimmed.startsWith("control=") && trimmed.length() > "control=".length()) {
                return Paths.get(trimmed.substring("control=".length()));
            }
        }
        return null;
    }
}
