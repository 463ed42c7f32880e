package dev.turnstile.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/**
 * One attach session seen from the CLI: claims the JVM's control directory, loads the agent, waits for its answer,
 * and later asks it to stop and waits until it has detached. The agent watches this process too: if turnstile dies
 * without asking, the agent stops and detaches by itself.
 */
final class AttachSession {
    /**
     * Loading returns once the agent's start has run, so its answer is normally there already; this covers a file
     * system slow to show it.
     */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** Stopping writes the recording out, which for a long session can take a while. */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(100);

    /** Why recording ended. */
    enum End { DURATION, INTERRUPTED, TARGET_EXITED }

    /**
     * What the agent reported when it stopped.
     *
     * @param restoredClasses classes put back as they were, or -1 if not reported
     * @param problems        what did not go as it should, or empty
     */
    record Stopped(Path recording, int restoredClasses, boolean restored, String problems) {
    }

    private final LocalJvm target;
    private final SessionDirectory directory;
    private final Path recording;
    private final Properties started;

    private AttachSession(LocalJvm target, SessionDirectory directory, Path recording, Properties started) {
        this.target = target;
        this.directory = directory;
        this.recording = recording;
        this.started = started;
    }

    /** @param recordingOptions the agent options of {@code --threshold}, {@code --profiler} and the like, each after a comma */
    static AttachSession begin(LocalJvm target, Path recording, String recordingOptions) {
        ProcessHandle self = ProcessHandle.current();
        Map<String, String> session = new LinkedHashMap<>();
        session.put("owner", String.valueOf(self.pid()));
        session.put("ownerStart", SessionDirectory.startOf(self.pid()));
        session.put("target", String.valueOf(target.pid()));
        session.put("targetStart", SessionDirectory.startOf(target.pid()));
        session.put("recording", recording.toString());
        session.put("createdAt", Instant.now().toString());
        SessionDirectory directory = SessionDirectory.claim(target.pid(), session);
        try {
            String options = "control=" + directory.path() + ",owner=" + self.pid() + ",file=" + recording
                    + recordingOptions;
            if (directory.path().toString().contains(",")) {
                throw new UserError("the control directory must not contain a comma (the agent's option separator): "
                        + directory.path());
            }
            AgentLoader.load(target, AgentJar.path(), options);
            Optional<String> answer = directory.await(ANSWER_TIMEOUT, () -> isAlive(target), SessionDirectory.STARTED,
                    SessionDirectory.FAILED);
            if (answer.isEmpty()) {
                throw new UserError(isAlive(target)
                        ? "the agent loaded into " + target.describe() + " gave no answer; the JVM's standard error may"
                                + " say why (a 'turnstile:' line)"
                        : target.describe() + " exited while the agent was starting");
            }
            if (answer.get().equals(SessionDirectory.FAILED)) {
                String reason = directory.read(SessionDirectory.FAILED).map(p -> p.getProperty("reason", "?"))
                        .orElse("?");
                throw new UserError("the agent did not start in " + target.describe() + ": " + Main.oneLine(reason));
            }
            Properties started = directory.read(SessionDirectory.STARTED).orElseGet(Properties::new);
            return new AttachSession(target, directory, recording, started);
        } catch (RuntimeException e) {
            directory.delete();
            throw e;
        }
    }

    static boolean isAlive(LocalJvm target) {
        return ProcessHandle.of(target.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits until the duration is over (null: no limit), {@code interrupted} says so, or the JVM is gone. */
    End await(Duration duration, BooleanSupplier interrupted) {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (true) {
            if (!isAlive(target)) {
                return End.TARGET_EXITED;
            }
            if (interrupted.getAsBoolean()) {
                return End.INTERRUPTED;
            }
            if (System.nanoTime() - deadline >= 0) {
                return End.DURATION;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return End.INTERRUPTED;
            }
        }
    }

    /**
     * Asks the agent to stop and detach, and waits until it has.
     *
     * @return what it reported, or empty if the JVM exited meanwhile
     */
    Optional<Stopped> stop() {
        directory.write(SessionDirectory.STOP, Map.of("requestedAt", Instant.now().toString()));
        Optional<String> answer = directory.await(STOP_TIMEOUT, () -> isAlive(target), SessionDirectory.STOPPED);
        if (answer.isEmpty()) {
            if (!isAlive(target)) {
                return Optional.empty();
            }
            throw new UserError("the agent in " + target.describe() + " did not stop within "
                    + STOP_TIMEOUT.toMinutes() + " minutes; its session directory " + directory.path()
                    + " is kept: remove it to make the agent stop");
        }
        Properties stopped = directory.read(SessionDirectory.STOPPED).orElseGet(Properties::new);
        directory.delete();
        return Optional.of(new Stopped(Path.of(stopped.getProperty("recording", recording.toString())),
                parseInt(stopped.getProperty("restoredClasses")),
                Boolean.parseBoolean(stopped.getProperty("restored", "false")),
                stopped.getProperty("problems", "")));
    }

    /** After the JVM is gone: nobody is left to answer in the directory. */
    void forget() {
        directory.delete();
    }

    Path recording() {
        return recording;
    }

    /** Where JFR kept the recording's chunks on disk, if the agent said. */
    Optional<Path> repository() {
        String repository = started.getProperty("repository", "");
        return repository.isBlank() ? Optional.empty() : Optional.of(Path.of(repository));
    }

    /** When the agent reported it was recording. */
    Instant startedAt() {
        try {
            return Instant.ofEpochMilli(Long.parseLong(started.getProperty("startedAt", "")));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    /** Instrumentation modules that could not be installed in this JVM, if any. */
    String notInstrumented() {
        return started.getProperty("notInstrumented", "");
    }

    private static int parseInt(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
