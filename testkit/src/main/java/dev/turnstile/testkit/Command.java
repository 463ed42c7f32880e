package dev.turnstile.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a process to completion with a deadline, keeping its output in files so it can never block on a pipe. */
public final class Command {
    private final List<String> arguments = new ArrayList<>();
    private Path workingDirectory;
    private Duration timeout = Duration.ofMinutes(2);
    private final Map<String, String> environment = new LinkedHashMap<>();

    public Command(List<String> arguments) {
        this.arguments.addAll(arguments);
    }

    public static Command of(Object... arguments) {
        List<String> list = new ArrayList<>();
        for (Object a : arguments) {
            list.add(String.valueOf(a));
        }
        return new Command(list);
    }

    public Command in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** Sets a variable in the process's environment; a null value removes it (so the test's own cannot leak in). */
    public Command env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public Command timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public Outcome run() {
        try {
            Path out = Files.createTempFile("turnstile-test-", ".out");
            Path err = Files.createTempFile("turnstile-test-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(arguments)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                if (workingDirectory != null) {
                    builder.directory(workingDirectory.toFile());
                }
                environment.forEach((name, value) -> {
                    if (value == null) {
                        builder.environment().remove(name);
                    } else {
                        builder.environment().put(name, value);
                    }
                });
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", arguments)
                            + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
                }
                return new Outcome(arguments, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What a finished process left behind. */
    public record Outcome(List<String> command, int exitCode, String stdout, String stderr) {
        /** For assertion messages: everything needed to see what went wrong without rerunning. */
        public String describe() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr;
        }
    }
}
