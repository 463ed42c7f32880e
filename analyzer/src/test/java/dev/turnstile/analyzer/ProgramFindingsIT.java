package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.ProcessesReport;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.ThreadsReport;
import dev.turnstile.analyzer.model.VirtualThreadsReport;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Findings about pools, threads, processes and virtual threads, each against a sample whose numbers are known by
 * construction, on JDK 17 and 25. Tolerances allow for a busy 2-CPU machine: times only grow under load, so
 * the bounds that matter are the ones the construction guarantees.
 */
class ProgramFindingsIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void saturatedPoolQueuesLongerThanItRunsAndRejectionsAreCounted(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "pool");
        Analysis analysis = new Analyzer().analyze(recording.file());

        PoolReport saturated = pool(analysis, "pool-saturated-");
        long tasks = (long) recording.truthDouble("saturated.tasks");
        assertEquals(tasks, saturated.submitted());
        assertEquals(tasks, saturated.queueWait().count(), "every task's queue wait is in the histogram");
        // 200 tasks of 2 ms on 2 workers, submitted at once: the queue drains in >= 200 ms, so the mean wait is at
        // least ~100 ms, 50 times the run time; allow half of that.
        assertTrue(saturated.queueWait().meanNanos() >= 50e6, () -> "mean wait " + saturated.queueWait());
        assertTrue(saturated.runTime().meanNanos() >= 2e6 * 0.9, () -> "run time " + saturated.runTime());
        Finding finding = finding(analysis, "TS301", saturated.id());
        assertEquals(Severity.CRITICAL, finding.severity(), finding.title());
        assertTrue(finding.subject().site().contains("PoolSample.saturated"), finding.subject().site());
        assertTrue(finding.metrics().get("waitToRun").doubleValue() >= 10, finding.metrics().toString());

        PoolReport rejecting = pool(analysis, "pool-rejecting-");
        assertEquals((long) recording.truthDouble("rejecting.rejected"), rejecting.rejected());
        assertTrue(finding(analysis, "TS303", rejecting.id()).title()
                .contains("refused " + rejecting.rejected() + " of " + rejecting.submitted()));
        assertTrue(analysis.findings().stream().noneMatch(f -> f.id().equals("TS302")), "no pool is oversized");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void oversizedPoolIsFoundWithItsWorkersAndASmallerSize(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "oversized", 3.0);
        Analysis analysis = new Analyzer().analyze(recording.file());

        PoolReport pool = pool(analysis, "pool-oversized-");
        int workers = (int) recording.truthDouble("workers");
        assertEquals((long) recording.truthDouble("tasks"), pool.submitted());
        assertEquals(workers, pool.maxWorkers());
        // Offered load: a 1 ms task every 5 ms is 0.2 workers, 0.6 % of 32; run times grow under load, so allow 5x.
        assertTrue(pool.utilisation() > 0 && pool.utilisation() <= 0.2 / workers * 5,
                () -> "utilisation " + pool.utilisation());
        assertTrue(pool.suggestedWorkers() >= 1 && pool.suggestedWorkers() <= 2,
                () -> "suggested " + pool.suggestedWorkers());
        Finding finding = finding(analysis, "TS302", pool.id());
        assertTrue(finding.title().contains("has " + workers + " workers"), finding.title());
        assertTrue(analysis.findings().stream().noneMatch(f -> f.id().equals("TS301")), "it is not saturated");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void threadChurnCountsEveryStartAndNamesTheCreator(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "churn");
        Analysis analysis = new Analyzer().analyze(recording.file());

        ThreadsReport threads = analysis.threads();
        long started = (long) recording.truthDouble("started");
        // The sample's threads plus the few the JVM and JFR start meanwhile.
        assertTrue(threads.started() >= started && threads.started() <= started + 20,
                () -> threads.started() + " started, truth " + started);
        assertTrue(threads.shortLivedShare() >= 0.9, () -> "short-lived share " + threads.shortLivedShare());
        Finding finding = analysis.findings().stream().filter(f -> f.id().equals("TS401")).findFirst().orElseThrow(
                () -> new AssertionError("no TS401: " + analysis.findings()));
        assertTrue(finding.subject().site().startsWith(recording.truth().get("creator") + ":"),
                finding.subject().site());
        assertTrue(finding.subject().name().startsWith(recording.truth().get("namePrefix")), finding.subject().name());
        // The creator's time in Thread.start, measured by the sample around each start, bounds the agent's figure.
        long startNanos = (long) recording.truthDouble("startNanos");
        assertTrue(threads.startCost().totalNanos() <= startNanos,
                () -> "start cost " + threads.startCost().totalNanos() + " > measured " + startNanos);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void spawnStormCountsEverySpawnAndExit(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "spawnstorm");
        Analysis analysis = new Analyzer().analyze(recording.file());

        ProcessesReport processes = analysis.processes();
        long spawned = (long) recording.truthDouble("spawned");
        assertEquals(spawned, processes.spawns());
        assertEquals(0, processes.failed());
        assertEquals(spawned, processes.exitCodes().getOrDefault(0, 0L), () -> "exit codes " + processes.exitCodes());
        assertEquals(0, processes.nonZeroExits());
        assertTrue(processes.spawnLatency().p50Nanos() > 0 && processes.lifetime().count() == spawned);
        Finding finding = analysis.findings().stream().filter(f -> f.id().equals("TS501")).findFirst().orElseThrow(
                () -> new AssertionError("no TS501: " + analysis.findings()));
        assertTrue(finding.subject().site().contains("SpawnStormSample"), finding.subject().site());
        assertTrue(finding.title().contains(spawned + " child processes"), finding.title());
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {25})
    void pinnedVirtualThreadsAreFoundWithTheirStacks(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.requireAtLeast(jdk), "pinning");
        Analysis analysis = new Analyzer().analyze(recording.file());

        VirtualThreadsReport virtual = analysis.virtualThreads();
        long pins = (long) recording.truthDouble("pinned");
        long pinNanos = (long) recording.truthDouble("pinMillis") * 1_000_000;
        assertEquals(pins, virtual.pinned().count(), () -> "pinned " + virtual.pinned());
        // HdrHistogram keeps three significant digits: the smallest pin reads at least 99.9 % of its length.
        assertTrue(virtual.pinned().p50Nanos() >= pinNanos * 0.999, () -> "pinned " + virtual.pinned());
        assertTrue(virtual.pinned().totalNanos() >= pins * pinNanos, () -> "pinned " + virtual.pinned());
        assertTrue(virtual.started() >= pins, () -> virtual.started() + " virtual threads started");
        Finding finding = analysis.findings().stream().filter(f -> f.id().equals("TS601")).findFirst().orElseThrow(
                () -> new AssertionError("no TS601: " + analysis.findings()));
        assertTrue(finding.subject().site().startsWith("dev.turnstile.samples.PinningSample.sleepPinned:"),
                finding.subject().site());
        assertTrue(finding.stacks().get(0).frames().stream().anyMatch(f -> f.contains("PinningSample$Init")),
                () -> "the class initializer is on the pinned stack: " + finding.stacks().get(0).frames());
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theParallelControlHasNoProgramFindings(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "parallel");
        Analysis analysis = new Analyzer().analyze(recording.file());
        List<String> ids = analysis.findings().stream().map(Finding::id).toList();
        assertTrue(ids.stream().noneMatch(id -> id.compareTo("TS300") > 0), () -> "findings " + ids);
    }

    private static PoolReport pool(Analysis analysis, String name) {
        return analysis.pools().stream().filter(p -> name.equals(p.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no pool " + name + " in " + analysis.pools()));
    }

    private static Finding finding(Analysis analysis, String id, String subjectId) {
        return analysis.findings().stream().filter(f -> f.id().equals(id) && f.subject().id().equals(subjectId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id + " for " + subjectId + ": "
                        + analysis.findings()));
    }
}
