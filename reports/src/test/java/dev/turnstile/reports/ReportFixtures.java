package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.Subject;
import dev.turnstile.analyzer.model.ThreadCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses built by hand, for the rendering edge cases a real recording does not reliably produce (long
 * titles, missing values). Reports of real recordings are checked end to end by the CLI's tests.
 */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static LockReport lock(Double parallelism) {
        StackSummary stack = new StackSummary(List.of("com.example.Cache.get:42", "com.example.Service.handle:17"),
                120, 3_400_000_000L);
        return new LockReport(LockKind.JUC, "java.util.concurrent.locks.ReentrantLock", "0x1f2e3d", 120,
                3_400_000_000L, 90_000_000L, 1.7, 0.93, 4, List.of(new ThreadCount("worker-1", 60)),
                "com.example.Cache.get:42", List.of(stack), parallelism);
    }

    static Analysis withOneFinding(Double parallelism, List<String> notes) {
        LockReport lock = lock(parallelism);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("busy", 0.93);
        metrics.put("waits", 120L);
        Finding finding = new Finding("TS101", Severity.CRITICAL,
                "GIL-style serialisation: 4 threads take turns on ReentrantLock (queued 93% of the time, a title long"
                        + " enough to need wrapping in a terminal of a hundred columns)",
                new Subject("lock", lock.lockClass(), lock.id(), lock.criticalSection()), metrics,
                lock.waiterStacks(), "Shorten the critical section.", lock.waitNanos());
        RecordingInfo info = new RecordingInfo("/tmp/app.jfr", "OpenJDK 64-Bit Server VM", "17.0.15",
                Instant.parse("2026-11-22T10:00:00Z"), 2_000_000_000L, 2, new RecordingInfo.AgentInfo("0.1.0", 1),
                notes);
        return new Analysis(info, List.of(finding), List.of(lock), null);
    }

    static Analysis empty() {
        RecordingInfo info = new RecordingInfo("app.jfr", null, null, null, 0, 0, null,
                List.of("No Turnstile agent events."));
        return new Analysis(info, List.of(), List.of(), null);
    }
}
