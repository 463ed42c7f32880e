package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import org.junit.jupiter.api.Test;

/** A recording made without Turnstile (the JDK's own profile settings) is analyzed with what it holds. */
class PlainJfrIT {

    @Test
    void findsMonitorSerialisationAndSaysWhatIsMissing() throws Exception {
        SampleRecording recording = SampleRecording.plainJfr(Jdks.require(17), "gil");
        Analysis analysis = new Analyzer().analyze(recording.file());

        assertNull(analysis.recording().agent());
        assertTrue(analysis.recording().notes().stream().anyMatch(n -> n.contains("No Turnstile agent events")),
                () -> "notes " + analysis.recording().notes());
        assertNull(analysis.scheduler());
        assertTrue(analysis.recording().notes().stream().anyMatch(n -> n.startsWith("No per-thread kernel counters")
                && n.contains("turnstile run")), () -> "notes " + analysis.recording().notes());
        Finding finding = analysis.findings().stream().filter(f -> f.id().equals("TS101")).findFirst()
                .orElseThrow(() -> new AssertionError("no TS101 in " + analysis.findings()));
        assertEquals(recording.truth().get("lock"), finding.subject().name());
        assertTrue(finding.subject().site().startsWith(recording.truth().get("criticalSection") + ":"),
                finding.subject().site());
    }
}
