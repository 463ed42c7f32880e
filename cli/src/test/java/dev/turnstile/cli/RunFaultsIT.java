package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * `turnstile run` when things around the program fail: the program is killed while it is recorded, the output
 * directory cannot be written from the start, becomes read-only while the program runs, or fills up. Nothing
 * recorded is lost, the user is told where it is, and the program is unharmed: its output and exit code are its own.
 */
class RunFaultsIT {
    /** The exit code the program is given, to see it come back unchanged. */
    private static final int PROGRAM_EXIT_CODE = 3;
    private static final Pattern STARTED = Pattern.compile("program: pid=(\\d+) repository=(\\S+)");
    private static final Pattern KEPT_ELSEWHERE = Pattern.compile(
            "^turnstile: the recording is not in the output directory \\((.*)\\); it is kept at (\\S+\\.jfr)$");

    /** SIGKILL to the program, not to turnstile: what JFR flushed to its repository is recovered and analyzed. */
    @Test
    void aProgramKilledWhileRecordedIsRecoveredAndAnalyzed() throws Exception {
        Jdk jdk = Jdks.require(17);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "run-killed");
        try (BackgroundRun run = BackgroundRun.start(jdk, dir)) {
            Matcher started = STARTED.matcher(run.awaitLine("program: pid="));
            assertTrue(started.find(), "no pid and repository in the program's first line");
            long pid = Long.parseLong(started.group(1));
            Path repository = Path.of(started.group(2));
            run.awaitLine("program: contending");
            // The recovered part ends at JFR's last flush: wait for two after the threads started queueing.
            awaitFlushes(repository, 2);
            assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly(), "SIGKILL to the program");
            Command.Outcome outcome = run.finish();

            assertEquals(0, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.stderr().contains("turnstile: the program exited with code 137"), outcome::describe);
            assertTrue(outcome.stderr().contains("the program ended by signal 9 (killed or crashed) without writing its"
                    + " recording to " + dir), outcome::describe);
            assertTrue(outcome.stderr().contains("recovered"), outcome::describe);
            assertFalse(outcome.stderr().contains("Exception"), outcome::describe);
            JsonNode report = AttachReports.parse(outcome.stdout());
            assertTrue(notes(report).contains("killed or crashed (signal 9)"), () -> notes(report));
            assertTrue(notes(report).contains("recovered from JFR's disk repository"), () -> notes(report));
            assertLockFound(report);

            Path recording = Turnstile.keptRecording(outcome);
            assertEquals(dir, recording.getParent(), "kept in the output directory as asked");
            assertFalse(Files.exists(repository), "JFR's repository, recovered, is removed: " + repository);
            Command.Outcome again = Turnstile.on(jdk, "report", recording, "--format", "json");
            assertEquals(0, again.exitCode(), again::describe);
            assertLockFound(AttachReports.parse(again.stdout()));
        }
    }

    /** Checked before the program starts: one line, exit code 2, and the program never runs. */
    @Test
    void anOutputDirectoryThatCannotBeWrittenFailsBeforeTheProgramStarts() throws Exception {
        Jdk jdk = Jdks.require(17);
        try (Tmpfs tmpfs = Tmpfs.mount(Artifacts.outputDirectory(), "1m")) {
            tmpfs.makeReadOnly();
            // The sample prints its truth line at once: had it run, stdout would not be empty.
            Object[] program = {jdk.java(), "-cp", Artifacts.samplesJar(), "dev.turnstile.samples.SampleMain",
                "parallel", "--seconds", "0.1"};
            Turnstile.assertInputError(Turnstile.on(jdk, concat(List.of("run", "-o", tmpfs.dir(), "--"), program)),
                    "cannot write to the output directory " + tmpfs.dir());
            Path missing = tmpfs.dir().resolve("missing");
            Turnstile.assertInputError(Turnstile.on(jdk, concat(List.of("run", "-o", missing, "--"), program)),
                    "cannot create the output directory " + missing);
        }
    }

    /**
     * The output directory turns read-only while the program runs: JFR cannot write the recording as the program
     * exits (and deletes its chunks); turnstile kept them, and recovers the whole recording into the temporary
     * directory.
     */
    @Test
    void anOutputDirectoryThatBecomesReadOnlyLosesNothing() throws Exception {
        Jdk jdk = Jdks.require(17);
        try (Tmpfs tmpfs = Tmpfs.mount(Artifacts.outputDirectory(), "4m");
             BackgroundRun run = BackgroundRun.start(jdk, tmpfs.dir())) {
            run.awaitLine("program: contending");
            tmpfs.makeReadOnly();
            Instant stopAsked = run.stopProgram();
            assertKeptElsewhereWhole(run.finish(), tmpfs.dir(), "Read-only file system", stopAsked);
        }
    }

    /** The output directory is too small for the recording: JFR's copy is cut short, the recovered one is whole. */
    @Test
    void aFullOutputDirectoryLosesNothing() throws Exception {
        Jdk jdk = Jdks.require(17);
        try (Tmpfs tmpfs = Tmpfs.mount(Artifacts.outputDirectory(), "32k");
             BackgroundRun run = BackgroundRun.start(jdk, tmpfs.dir())) {
            run.awaitLine("program: contending");
            Instant stopAsked = run.stopProgram();
            assertKeptElsewhereWhole(run.finish(), tmpfs.dir(), "No space left on device", stopAsked);
        }
    }

    private static void assertKeptElsewhereWhole(Command.Outcome outcome, Path outputDir, String why,
                                                 Instant stopAsked) throws IOException {
        // the program is unharmed: it ran to its end, and its exit code is its own
        assertTrue(outcome.stderr().contains("program: done passes="), outcome::describe);
        assertTrue(outcome.stderr().contains("turnstile: the program exited with code " + PROGRAM_EXIT_CODE),
                outcome::describe);
        assertFalse(outcome.stderr().lines().anyMatch(l -> l.startsWith("\tat ")), "no stack trace");

        assertEquals(2, outcome.exitCode(), "the recording is not where it was asked for\n" + outcome.describe());
        List<String> lines = outcome.stderr().lines().toList();
        Matcher kept = KEPT_ELSEWHERE.matcher(lines.get(lines.size() - 1));
        assertTrue(kept.find(), () -> "the last line says where the recording is\n" + outcome.describe());
        assertTrue(kept.group(1).contains(why), outcome::describe);
        Path recording = Path.of(kept.group(2));
        try {
            assertTrue(Files.isRegularFile(recording), recording + " does not exist");
            assertFalse(recording.startsWith(outputDir), recording.toString());
            JsonNode report = AttachReports.parse(outcome.stdout());
            assertTrue(notes(report).contains("recovered from JFR's disk repository"), () -> notes(report));
            assertLockFound(report);
            assertTrue(lastEventEnd(recording).isAfter(stopAsked), "the recording reaches past the moment the program"
                    + " was told to stop: what JFR wrote as the program exited is there too");
        } finally {
            Files.deleteIfExists(recording);
            Files.deleteIfExists(Reporting.htmlNextTo(recording));
        }
    }

    private static Instant lastEventEnd(Path recording) throws IOException {
        Instant last = Instant.MIN;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEndTime().isAfter(last)) {
                    last = event.getEndTime();
                }
            }
        }
        return last;
    }

    /** The program's lock: contended, and named by a finding (TS101 on a quiet machine, TS102 on a busy one). */
    private static void assertLockFound(JsonNode report) {
        boolean found = StreamSupport.stream(report.path("findings").spliterator(), false)
                .anyMatch(finding -> (finding.path("id").asText().equals("TS101")
                        || finding.path("id").asText().equals("TS102"))
                        && finding.path("subject").path("site").asText().startsWith(ContendedProgram.CRITICAL_SECTION));
        assertTrue(found, () -> "no lock finding names " + ContendedProgram.CRITICAL_SECTION + ": "
                + report.path("findings") + "\nlocks: " + report.path("locks"));
    }

    private static String notes(JsonNode report) {
        return String.join(" | ", StreamSupport.stream(report.path("recording").path("notes").spliterator(), false)
                .map(JsonNode::asText).toList());
    }

    /**
     * Waits until JFR has flushed {@code count} more times: each flush rewrites the size in a chunk's header, up to
     * where its data is complete, and what a killed JVM leaves is readable up to there.
     */
    private static void awaitFlushes(Path repository, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long flushed = flushedBytes(repository);
        for (int seen = 0; seen < count; ) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("JFR did not flush " + count + " times within a minute in " + repository);
            }
            Thread.sleep(100);
            long now = flushedBytes(repository);
            if (now > flushed) {
                seen++;
                flushed = now;
            }
        }
    }

    private static long flushedBytes(Path repository) throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(repository)) {
            for (Path chunk : files.filter(f -> f.toString().endsWith(".jfr")).toList()) {
                try (FileChannel channel = FileChannel.open(chunk, StandardOpenOption.READ)) {
                    ByteBuffer header = ByteBuffer.allocate(16);
                    if (channel.read(header, 0) == 16) {
                        total += header.getLong(8);
                    }
                }
            }
        }
        return total;
    }

    private static Object[] concat(List<Object> first, Object[] rest) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray();
    }

    /**
     * `turnstile run --format json` of {@link ContendedProgram}, in the background: the test decides when the program
     * ends (a line on its standard input, which it shares with turnstile) or kills it. Both output streams are read
     * as they come; with JSON, the program's own output is on stderr.
     */
    private static final class BackgroundRun implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final StringBuffer stdout = new StringBuffer();
        private final StringBuffer stderr = new StringBuffer();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<Thread> readers = new ArrayList<>();

        private BackgroundRun(List<String> command) throws IOException {
            this.command = command;
            this.process = new ProcessBuilder(command).start();
            readers.add(reader(process.getInputStream(), stdout));
            readers.add(reader(process.getErrorStream(), stderr));
        }

        static BackgroundRun start(Jdk jdk, Path outputDir) throws Exception {
            Path testClasses = Path.of(ContendedProgram.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return new BackgroundRun(List.of(jdk.java().toString(), "-jar", Artifacts.cliJar().toString(), "run",
                    "-o", outputDir.toString(), "--format", "json", "--", jdk.java().toString(), "-cp",
                    testClasses.toString(), ContendedProgram.class.getName(), String.valueOf(PROGRAM_EXIT_CODE)));
        }

        private Thread reader(InputStream stream, StringBuffer into) {
            Thread thread = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        into.append(line).append('\n');
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "run-output");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        /** The first line (of either stream) that starts with {@code prefix}, waiting up to two minutes for it. */
        String awaitLine(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("no line starting with '" + prefix + "'\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr);
        }

        /** Tells the program to finish; returns when that was asked. */
        Instant stopProgram() throws IOException {
            Instant now = Instant.now();
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
            in.close();
            return now;
        }

        Command.Outcome finish() throws InterruptedException {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError("turnstile did not finish\n--- stdout ---\n" + stdout + "\n--- stderr ---\n"
                        + stderr);
            }
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            }
            return new Command.Outcome(command, process.exitValue(), stdout.toString(), stderr.toString());
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
