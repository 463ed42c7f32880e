package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `turnstile attach` against a running service on JDK 17 and 25: it finds the service's contended lock, detaches,
 * and leaves the JVM as it was: still serving, with no Turnstile advice left in the JDK's classes, and ready for a
 * second session that behaves the same.
 */
class AttachIT {
    private static final Pattern RESTORED = Pattern.compile("detached from JVM \\d+: (\\d+) classes restored");

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void recordsTheContendedLockThenLeavesTheJvmAsItWas(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        try (ServiceProcess service = ServiceProcess.start(jdk)) {
            assertEquals("bridge=absent", service.probe(), "a fresh JVM has never seen the agent");

            Command.Outcome first = attach(service, "3s");
            AttachReports.assertLedgerLockFound(AttachReports.parse(first.stdout()));
            assertTrue(restoredClasses(first) > 0, first::describe);
            if (feature >= 21) {
                assertTrue(first.stderr().contains("loaded dynamically (JEP 451)")
                        && first.stderr().contains("-XX:+EnableDynamicAgentLoading"), first::describe);
                assertTrue(service.stderr().contains("A Java agent has been loaded dynamically"), service.stderr());
            }

            assertStillServing(service);
            // The agent counts every lock release from advice inlined into the JDK's AbstractQueuedSynchronizer:
            // had a class not been restored, the service's 1,000 probe releases would still reach its counters.
            assertEquals("bridge=present releasesCounted=0", service.probe());

            if (feature == 17) { // AttachCyclesIT repeats sessions on 25
                // The second session without async-profiler: the recording options reach an attached agent too.
                Command.Outcome second = attach(service, "1500ms", "--profiler", "off");
                JsonNode report = AttachReports.parse(second.stdout());
                AttachReports.assertLedgerLockFound(report);
                assertFalse(report.at("/recording/sources").toString().contains("async-profiler"), report::toString);
                assertTrue(report.at("/recording/notes").toString().contains("switched off (profiler=off)"),
                        report::toString);
                assertEquals(restoredClasses(first), restoredClasses(second), second::describe);
                assertEquals("bridge=present releasesCounted=0", service.probe());
                assertStillServing(service);
            }
            assertFalse(service.stderr().contains("Exception"), service.stderr());
        }
    }

    static Command.Outcome attach(ServiceProcess service, String duration, Object... options) throws Exception {
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "attach");
        List<Object> args = new ArrayList<>(List.of("attach", service.pid(), "--duration", duration, "-o", dir,
                "--report", "json"));
        args.addAll(List.of(options));
        Command.Outcome outcome = Turnstile.on(Jdks.require(17), args.toArray());
        assertEquals(0, outcome.exitCode(), outcome::describe);
        Turnstile.keptRecording(outcome);
        return outcome;
    }

    private static int restoredClasses(Command.Outcome outcome) {
        Matcher m = RESTORED.matcher(outcome.stderr());
        assertTrue(m.find(), outcome::describe);
        return Integer.parseInt(m.group(1));
    }

    private static void assertStillServing(ServiceProcess service) throws InterruptedException {
        Map<String, Long> before = service.status();
        Thread.sleep(300);
        Map<String, Long> after = service.status();
        assertTrue(after.get("acquisitions") > before.get("acquisitions"), before + " then " + after);
        assertEquals(0, after.get("turnstileThreads"), "the agent's threads ended: " + after);
    }
}
