package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * `turnstile attach` running in the background without a duration, as a user runs it in a terminal, so a test can act
 * while it records: send it Ctrl-C, kill the JVM it records, run `ps` beside it. SIGINT is reset to its default
 * through env, since a background process starts with it ignored.
 */
final class BackgroundAttach implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private BackgroundAttach(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static boolean canResetInterrupt() {
        return Command.of("env", "--default-signal=INT", "true").run().exitCode() == 0;
    }

    static BackgroundAttach start(long pid, String... options) {
        try {
            Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "attach-bg");
            List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                    Jdks.require(17).java().toString(), "-jar", Artifacts.cliJar().toString(), "attach",
                    String.valueOf(pid), "-o", dir.toString(), "--report", "json"));
            command.addAll(List.of(options));
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            return new BackgroundAttach(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until it says it records (the agent runs in the JVM). */
    BackgroundAttach awaitRecording() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive() && !stderr().contains("turnstile: recording JVM")) {
            Thread.sleep(100);
        }
        assertTrue(stderr().contains("turnstile: recording JVM"), () -> "not recording:\n" + stderr());
        return this;
    }

    void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    }

    /** Waits for it to end, and returns what it left. */
    Command.Outcome finish() throws Exception {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), () -> "turnstile attach did not end:\n" + stderr());
        return new Command.Outcome(List.of("turnstile", "attach"), process.exitValue(), Files.readString(stdout),
                stderr());
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
