package dev.turnstile.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server program run in a JVM of its own until the benchmark is done with it: it prints {@code port=N} once it
 * listens, and SIGTERM stops it, so the JVM's shutdown runs as it would in production (recordings are written then).
 * Its output goes to files, so it can never block on a full pipe.
 */
final class ServerProcess implements AutoCloseable {
    private static final long START_SECONDS = 120;
    private static final long STOP_SECONDS = 60;

    private final List<String> command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private ServerProcess(List<String> command, Path directory) throws IOException, InterruptedException {
        this.command = command;
        this.stdout = Files.createTempFile(directory, "server-", ".out");
        this.stderr = Files.createTempFile(directory, "server-", ".err");
        this.process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        try {
            this.port = awaitPort();
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Starts the command and returns once it has printed its port. */
    static ServerProcess start(List<String> command, Path directory) throws IOException, InterruptedException {
        return new ServerProcess(command, directory);
    }

    int port() {
        return port;
    }

    private int awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(stdout);
            // only whole lines: the number may be half written
            for (String line : printed.substring(0, printed.lastIndexOf('\n') + 1).split("\n")) {
                if (line.startsWith("port=")) {
                    return Integer.parseInt(line.substring("port=".length()).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with code " + process.exitValue()
                        + " before it listened\n" + describe());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server did not listen within " + START_SECONDS + " s\n" + describe());
    }

    /** SIGTERM, then waits for the JVM to write what it records and exit; a JVM that will not is killed. */
    @Override
    public void close() throws IOException {
        try {
            process.destroy();
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not stop within " + STOP_SECONDS + " s of SIGTERM\n"
                        + describe());
            }
            // 143 is 128 + SIGTERM: the JVM's usual exit code when a signal stopped it.
            if (process.exitValue() != 0 && process.exitValue() != 143) {
                throw new IllegalStateException("the server exited with code " + process.exitValue() + "\n"
                        + describe());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server stopped", e);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private String describe() throws IOException {
        return String.join(" ", command) + "\n--- stdout ---\n" + Files.readString(stdout) + "\n--- stderr ---\n"
                + Files.readString(stderr);
    }
}
