package dev.turnstile.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a java command line with the agent and waits for it, keeping the recording. The program shares the
 * terminal (its output and input are its own). Ctrl-C stops the program, not turnstile: turnstile waits for
 * the recording and analyzes it. If turnstile itself is terminated (SIGTERM), the program is asked to stop
 * too and given time to write its recording, which is kept.
 */
final class RecordedRun {
    /** How long a stopping program may take to write its recording before turnstile gives up on it. */
    private static final long STOP_GRACE_SECONDS = 60;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /**
     * @param recording  where the program's JFR was told to write its recording as it exits
     * @param repository where its JFR kept the chunks meanwhile; closing it removes what turnstile kept of them
     * @param startedAt  when the program was started
     */
    record Result(Path recording, int exitCode, JfrRepository repository, Instant startedAt) {
    }

    private RecordedRun() {
    }

    /**
     * @param stdoutForReport true when turnstile's stdout must carry only the report (JSON): the program's
     *                        own stdout then goes to stderr
     */
    /** @param agentOptions options added after the agent's file option, each starting with a comma */
    static Result run(List<String> command, Path outputDir, String name, String agentOptions,
                      boolean stdoutForReport) {
        if (command.isEmpty()) {
            throw new UserError("no program to run: give a java command, e.g. turnstile run -- java -jar app.jar");
        }
        String launcher = Path.of(command.get(0)).getFileName().toString();
        if (!launcher.equals("java") && !launcher.equals("java.exe")) {
            throw new UserError("'" + command.get(0) + "' is not a java launcher: turnstile run starts a java"
                    + " command, e.g. turnstile run -- java -jar app.jar");
        }
        Path recording = newRecordingFile(outputDir, name);
        Path agent = AgentJar.path();
        JfrRepository repository = JfrRepository.forCommand(command);
        List<String> withAgent = new ArrayList<>(command);
        // The bridge on the boot class path from the start spares the program a JVM warning (see the agent).
        withAgent.add(1, "-Xbootclasspath/a:" + agent);
        withAgent.add(2, "-javaagent:" + agent + "=file=" + recording + agentOptions);

        Process process;
        ProcessBuilder builder = new ProcessBuilder(withAgent).inheritIO();
        if (stdoutForReport) {
            builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
        }
        Instant startedAt = Instant.now();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UserError("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        repository.watch(process.pid(), startedAt);
        Thread stdoutToStderr = stdoutForReport ? copyToStderr(process) : null;
        Thread stopProgramToo = new Thread(() -> stop(process, recording, repository), "turnstile-stop-program");
        Runtime.getRuntime().addShutdownHook(stopProgramToo);
        Runnable restoreInterrupt = InterruptForwarding.to(process);
        int exitCode;
        try {
            exitCode = waitFor(process);
        } finally {
            restoreInterrupt.run();
            try {
                Runtime.getRuntime().removeShutdownHook(stopProgramToo);
            } catch (IllegalStateException shuttingDown) {
                // turnstile is being terminated; the hook is what keeps the recording now
            }
        }
        if (stdoutToStderr != null) {
            joinQuietly(stdoutToStderr);
        }
        return new Result(recording, exitCode, repository, startedAt);
    }

    private static Thread copyToStderr(Process process) {
        Thread copier = new Thread(() -> {
            try (var in = process.getInputStream()) {
                in.transferTo(System.err);
            } catch (IOException ignored) {
                // the program closed its output: nothing more to copy
            } finally {
                System.err.flush();
            }
        }, "turnstile-program-stdout");
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process process, Path recording, JfrRepository repository) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM: the program's shutdown hooks, JFR's among them, write the recording
        try {
            if (process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS) && RecordingSalvage.isWhole(recording)) {
                System.err.println("turnstile: stopped; recording kept: " + recording);
                repository.close();
            } else {
                // No time left to recover it here: say where the chunks are, and leave them there.
                repository.leaveInPlace();
                Path chunks = repository.chunks();
                System.err.println("turnstile: stopped; the program did not write its recording to " + recording
                        + (chunks == null ? "" : "; the chunks JFR wrote so far are kept in " + chunks));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The program decides when it ends; an interrupt of this thread is kept for the caller. */
    private static int waitFor(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Path newRecordingFile(Path outputDir, String name) {
        Path dir = outputDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create the output directory " + dir + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError("cannot write to the output directory " + dir);
        }
        if (dir.toString().contains(",")) {
            throw new UserError("the output directory must not contain a comma (the agent's option separator): "
                    + dir);
        }
        String base = "turnstile-" + name + "-" + LocalDateTime.now().format(STAMP);
        Path file = dir.resolve(base + ".jfr");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(base + "-" + n + ".jfr");
        }
        return file;
    }
}
