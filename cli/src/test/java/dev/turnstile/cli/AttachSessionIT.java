package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A session seen while it runs and when it ends otherwise than by its duration: Ctrl-C, the JVM exiting, the JVM
 * killed.
 */
class AttachSessionIT {

    /** While recording: ps shows it, the advice is live, a second attach is refused; Ctrl-C ends it with a report. */
    @Test
    void whileRecordingPsShowsItASecondAttachIsRefusedAndCtrlCStopsIt() throws Exception {
        Assumptions.assumeTrue(BackgroundAttach.canResetInterrupt(), "this system's env cannot reset SIGINT");
        Jdk jdk = Jdks.require(17);
        try (ServiceProcess service = ServiceProcess.start(jdk);
             BackgroundAttach attach = BackgroundAttach.start(service.pid())) {
            attach.awaitRecording();
            assertTrue(psLine(service.pid()).contains(" attached "), psLine(service.pid()));
            String probe = service.probe();
            assertTrue(Long.parseLong(probe.replaceAll(".*releasesCounted=", "")) >= 1000,
                    "while attached, the probe's releases reach the agent: " + probe);
            Turnstile.assertInputError(Turnstile.on(jdk, "attach", service.pid(), "--duration", "1s"),
                    "is already being recorded by turnstile attach");

            Thread.sleep(1500);
            attach.interrupt();
            Command.Outcome outcome = attach.finish();
            assertEquals(0, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.stderr().contains("classes restored"), outcome::describe);
            AttachReports.assertLedgerLockFound(AttachReports.parse(outcome.stdout()));
            assertEquals("bridge=present releasesCounted=0", service.probe());
            assertTrue(psLine(service.pid()).contains(" - "), psLine(service.pid()));
        }
    }

    /** The JVM exits normally while recording: JFR writes the recording as it exits, and that is analyzed. */
    @Test
    void aJvmThatExitsWhileRecordedLeavesItsRecording() throws Exception {
        Jdk jdk = Jdks.require(25);
        try (ServiceProcess service = ServiceProcess.start(jdk, "-XX:+EnableDynamicAgentLoading");
             BackgroundAttach attach = BackgroundAttach.start(service.pid())) {
            attach.awaitRecording();
            Thread.sleep(1500);
            service.exit();
            Command.Outcome outcome = attach.finish();
            assertEquals(0, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.stderr().contains("exited while recording; its recording was written as it exited"),
                    outcome::describe);
            JsonNode report = AttachReports.parse(outcome.stdout());
            assertTrue(notes(report).contains("written as it exited"), report.path("recording").toString());
            AttachReports.assertLedgerLockRecorded(report);
            assertFalse(service.stderr().contains("loaded dynamically"),
                    "-XX:+EnableDynamicAgentLoading silences the JDK's warning: " + service.stderr());
        }
    }

    /** SIGKILL while recording: the chunks JFR flushed to its repository are recovered and analyzed. */
    @Test
    void aJvmKilledWhileRecordedLeavesWhatWasFlushed() throws Exception {
        Jdk jdk = Jdks.require(17);
        try (ServiceProcess service = ServiceProcess.start(jdk);
             BackgroundAttach attach = BackgroundAttach.start(service.pid())) {
            attach.awaitRecording();
            Thread.sleep(3000); // JFR flushes about once a second
            ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
            Command.Outcome outcome = attach.finish();
            assertEquals(0, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.stderr().contains("ended without writing its recording (killed?); recovered"),
                    outcome::describe);
            JsonNode report = AttachReports.parse(outcome.stdout());
            assertTrue(notes(report).contains("recovered from JFR's disk repository"), report.path("recording")
                    .toString());
            assertTrue(report.path("recording").path("durationNanos").asLong() >= 500_000_000L,
                    () -> "covers at least half a second: " + report.path("recording"));
            AttachReports.assertLedgerLockRecorded(report);
            removeRepositoryOf(service.pid(), outcome.stderr());
        }
    }

    /** JFR leaves a killed JVM's repository in the temporary directory: the test removes the one it made. */
    private static void removeRepositoryOf(long pid, String stderr) throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("from its JFR repository (\\S+)").matcher(stderr);
        if (m.find() && m.group(1).endsWith("_" + pid)) {
            try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(m.group(1)))) {
                for (java.nio.file.Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        }
    }

    private static String psLine(long pid) {
        Command.Outcome ps = Turnstile.on(Jdks.require(17), "ps");
        assertEquals(0, ps.exitCode(), ps::describe);
        return ps.stdout().lines().filter(l -> l.trim().startsWith(pid + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("JVM " + pid + " not listed:\n" + ps.stdout()));
    }

    private static String notes(JsonNode report) {
        return String.join(" | ", StreamSupport.stream(report.path("recording").path("notes").spliterator(), false)
                .map(JsonNode::asText).toList());
    }
}
