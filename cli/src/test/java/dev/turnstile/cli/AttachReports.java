package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.StreamSupport;

/** What the attach tests look for in a JSON report: the service's ledger lock. */
final class AttachReports {
    static final String CRITICAL_SECTION = "dev.turnstile.samples.ServiceSample$Ledger.record";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttachReports() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON report: " + json, e);
        }
    }

    /** The ledger's ReentrantLock is among the contended locks, with its critical section and several waiters. */
    static void assertLedgerLockRecorded(JsonNode report) {
        boolean found = StreamSupport.stream(report.path("locks").spliterator(), false)
                .anyMatch(lock -> lock.path("class").asText().equals("java.util.concurrent.locks.ReentrantLock")
                        && lock.path("criticalSection").asText().startsWith(CRITICAL_SECTION)
                        && lock.path("waitingThreads").asInt() >= 2);
        assertTrue(found, () -> "the ledger lock is not among the locks: " + report.path("locks"));
    }

    /** ... and a finding names it (TS101 on a quiet machine; TS102 is enough on a busy one). */
    static void assertLedgerLockFound(JsonNode report) {
        assertLedgerLockRecorded(report);
        boolean found = StreamSupport.stream(report.path("findings").spliterator(), false)
                .anyMatch(finding -> (finding.path("id").asText().equals("TS101")
                        || finding.path("id").asText().equals("TS102"))
                        && finding.path("subject").path("site").asText().startsWith(CRITICAL_SECTION));
        assertTrue(found, () -> "no finding names the ledger lock: " + report.path("findings"));
    }
}
