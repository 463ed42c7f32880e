package dev.turnstile.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.junit.examples.GlobalLockExample;
import dev.turnstile.junit.examples.PerThreadExample;
import dev.turnstile.junit.examples.RulesFileExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Failsafe runs this JVM with the packaged agent (the module's argLine), as a user's Surefire would: example tests
 * with a global lock must fail with the gate's message naming the lock, their fixed twin must pass, and every
 * budgeted test leaves its recording, whose analyzed window is the test body the extension marked.
 */
class ConcurrencyBudgetIT {
    private static final String LEDGER = "GlobalLockExample$Ledger";

    @Test
    void aGlobalLockFailsItsBudget() throws Exception {
        Outcomes outcomes = Outcomes.of(GlobalLockExample.class);

        String serialised = failureMessage(outcomes, "forbidsSerialisation");
        assertTrue(serialised.startsWith("Turnstile: concurrency budget exceeded (gate FAILED: 1 of 1 checks failed"),
                serialised);
        assertTrue(serialised.contains("TS101 found in 1 of 1 run: GIL-style serialisation"), serialised);
        assertTrue(serialised.contains(LEDGER), serialised);

        String busy = failureMessage(outcomes, "limitsLockBusy");
        assertTrue(busy.contains("locks.busy <= 5 %: lock dev.turnstile.junit.examples." + LEDGER + " at "
                + "dev.turnstile.junit.examples." + LEDGER + ".add: measured "), busy);
        assertTrue(busy.contains("> limit 5 %"), busy);

        for (String test : new String[] {"forbidsSerialisation", "limitsLockBusy"}) {
            Path recording = recording(GlobalLockExample.class, test);
            assertTrue(Files.isRegularFile(recording), "kept " + recording);
            assertTrue(outcomes.failure(test).getMessage().contains(recording.toAbsolutePath().toString()),
                    "the message says where the recording is");
            assertWindowIsTheBody(recording);
        }
    }

    /** The analyzed window is the marked test body, and the agent's events are known as the agent's. */
    private static void assertWindowIsTheBody(Path recording) throws Exception {
        List<RecordedEvent> markers = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals(TurnstileEvents.OBSERVED_WINDOW))
                .toList();
        assertEquals(1, markers.size(), "one marked body in " + recording);
        RecordedEvent body = markers.get(0);
        assertEquals("junit", body.getString(TurnstileEvents.OBSERVED_WINDOW_SOURCE));
        assertTrue(body.getString(TurnstileEvents.OBSERVED_WINDOW_LABEL).contains("GlobalLockExample"),
                body.getString(TurnstileEvents.OBSERVED_WINDOW_LABEL));
        RecordingInfo info = new Analyzer().analyze(recording).recording();
        assertEquals(Duration.between(body.getStartTime(), body.getEndTime()).toNanos(), info.durationNanos());
        assertEquals(body.getStartTime(), info.start());
        assertTrue(info.sources().contains("agent"), info.sources().toString());
        assertFalse(info.notes().stream().anyMatch(n -> n.startsWith("No Turnstile agent events")),
                info.notes().toString());
    }

    @Test
    void theFixedTwinPasses() {
        Outcomes.of(PerThreadExample.class).assertSucceeded("eachThreadItsOwnLock");
        assertTrue(Files.isRegularFile(recording(PerThreadExample.class, "eachThreadItsOwnLock")));
    }

    @Test
    void aRulesFileJudgesAndWritesReports() throws IOException {
        String message = failureMessage(Outcomes.of(RulesFileExample.class), "globalLock");
        assertTrue(message.contains("gate FAILED: 1 of 2 checks failed"), message);
        assertTrue(message.contains("ledger contention: lock dev.turnstile.junit.examples." + LEDGER), message);

        Path recording = recording(RulesFileExample.class, "globalLock");
        String base = recording.getFileName().toString().replace(".jfr", "");
        String xml = Files.readString(recording.resolveSibling(base + ".gate.xml"));
        assertTrue(xml.contains("<failure") && xml.contains("ledger contention"), xml);
        String markdown = Files.readString(recording.resolveSibling(base + ".gate.md"));
        assertTrue(markdown.startsWith("## Turnstile gate: FAILED"), markdown);
    }

    private static String failureMessage(Outcomes outcomes, String test) {
        Throwable failure = outcomes.failure(test);
        assertInstanceOf(AssertionFailedError.class, failure, () -> test + " failed otherwise: " + failure);
        return failure.getMessage();
    }

    private static Path recording(Class<?> examples, String test) {
        return TurnstileExtension.outputFolder().resolve(examples.getName() + "." + test + ".jfr");
    }
}
