package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Distribution;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.ProcessesReport;
import dev.turnstile.analyzer.model.ParallelismSlice;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.Subject;
import dev.turnstile.analyzer.model.ThreadCount;
import dev.turnstile.analyzer.model.ThreadsReport;
import dev.turnstile.analyzer.model.VirtualThreadsReport;
import dev.turnstile.analyzer.model.ThreadGroupSchedule;
import dev.turnstile.analyzer.model.ThreadSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.model.ThreadTimeline;
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
                "com.example.Cache.get:42", List.of(stack), parallelism,
                new HolderStates(412, Map.of("sleeping", 0.8, "running", 0.2)));
    }

    static LockReport lockWithoutHolderStates() {
        LockReport lock = lock(1.0);
        return new LockReport(lock.kind(), lock.lockClass(), lock.id(), lock.waits(), lock.waitNanos(),
                lock.maxWaitNanos(), lock.meanWaiters(), lock.busy(), lock.waitingThreads(), lock.owners(),
                lock.criticalSection(), lock.waiterStacks(), lock.usersParallelism(), null);
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
                notes, List.of("agent", "jdk", "async-profiler-wall", "async-profiler-cpu"));
        return new Analysis(info, List.of(finding), List.of(lock), List.of(), ThreadsReport.EMPTY,
                ProcessesReport.EMPTY, VirtualThreadsReport.EMPTY);
    }

    /** Eight CPU-bound workers on two CPUs, and one JIT compiler thread. */
    static Analysis oversubscribed() {
        ThreadStates worker = new ThreadStates(500_000_000L, 1_480_000_000L, 0, 0, 0, 0, 0, 20_000_000L);
        ThreadStates compiler = new ThreadStates(100_000_000L, 50_000_000L, 0, 0, 0, 0, 0, 1_850_000_000L);
        List<ThreadSchedule> threads = new java.util.ArrayList<>();
        ThreadStates workers = ThreadStates.NONE;
        for (int i = 1; i <= 8; i++) {
            threads.add(new ThreadSchedule(1000 + i, 20L + i, "worker-" + i, "worker-*", false, worker, 50, 2, 48));
            workers = workers.plus(worker);
        }
        threads.add(new ThreadSchedule(999, 7L, "C2 CompilerThread0", "C2 CompilerThread*", true, compiler, 30, 25, 5));
        List<ThreadGroupSchedule> groups = List.of(
                new ThreadGroupSchedule("worker-*", 8, false, workers, 16, 384, 200.0, 240_000),
                new ThreadGroupSchedule("C2 CompilerThread*", 1, true, compiler, 25, 5, 15.0, 18_000));
        ThreadStates all = workers.plus(compiler);
        SchedulerReport scheduler = new SchedulerReport(1_000_000_000L, all, 0.74, 8.1,
                new SchedulerReport.Load(workers, 0.75, 7.9), 2.05, 2.0, 1_000_000_000L,
                List.of(new ParallelismSlice(0, 1_000_000_000L, 2.0, 6.0),
                        new ParallelismSlice(1_000_000_000L, 1_000_000_000L, 2.0, 6.1)),
                new SchedulerReport.SwitchCost(600, false, "defaults"), groups, threads,
                List.of("Switch costs use the default of 600 ns per switch."));
        RecordingInfo info = new RecordingInfo("/tmp/app.jfr", "OpenJDK 64-Bit Server VM", "25.0.3",
                Instant.parse("2026-11-22T10:00:00Z"), 2_000_000_000L, 2, new RecordingInfo.AgentInfo("0.1.0", 1),
                List.of(), List.of("agent", "jdk"));
        return new Analysis(info, List.of(), List.of(), List.of(), ThreadsReport.EMPTY, ProcessesReport.EMPTY,
                VirtualThreadsReport.EMPTY, List.of(), List.of(), List.of(), List.of(), scheduler);
    }

    /** Names a hostile program could give its threads, locks, pools and child processes. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    /** Every kind of name from a recording made of markup: it must come out as text. */
    static Analysis hostile() {
        StackSummary stack = new StackSummary(List.of(IMG + ".run:1", "a|b`c.d:2"), 3, 1_000_000L);
        LockReport lock = new LockReport(LockKind.MONITOR, "com.example." + IMG, "0x1", 3, 1_000_000L, 500_000L,
                0.5, 0.5, 2, List.of(new ThreadCount(SCRIPT, 2)), "x|y`z.m:1", List.of(stack), 1.0, null);
        Finding finding = new Finding("TS102", Severity.WARNING, "Hot lock " + SCRIPT + " | *bold* $x$ [a](b) `c`",
                new Subject("lock", lock.lockClass(), lock.id(), lock.criticalSection()), Map.of("busy", 0.5),
                List.of(stack), "Advice " + IMG, 1_000_000L);
        PoolReport pool = new PoolReport("0x2", "com.example.Pool", "p|o`o" + SCRIPT, 10, 0, 10, 10, 5.0,
                Distribution.EMPTY, Distribution.EMPTY, 2.0, 2, 0.5, 0.1, 1, 0.1, 0.5, 2, List.of(1), List.of(stack));
        ThreadsReport threads = new ThreadsReport(3, 0, 1.5, Distribution.EMPTY, Distribution.EMPTY, 0, 3, List.of(),
                List.of(new ThreadsReport.NameCount(SCRIPT, 3)));
        ProcessesReport processes = new ProcessesReport(1, 0, 0.5, Distribution.EMPTY, 0, Distribution.EMPTY,
                Map.of(0, 1L), List.of(), List.of(new ProcessesReport.CommandCount("sh -c 'echo ``x`` | " + IMG + "'",
                1)));
        RecordingInfo info = new RecordingInfo("/tmp/" + SCRIPT + ".jfr", IMG, "17", null, 2_000_000_000L, 2, null,
                List.of("note " + SCRIPT), List.of("jdk"));
        return new Analysis(info, List.of(finding), List.of(lock), List.of(pool), threads, processes,
                VirtualThreadsReport.EMPTY);
    }

    /** Far more of everything, and far longer names, than any report can show. */
    static Analysis huge() {
        String longName = "x".repeat(20_000);
        List<String> frames = java.util.Collections.nCopies(200, "com.example." + longName + ".m:1");
        StackSummary stack = new StackSummary(frames, 1, 1);
        List<Finding> findings = new java.util.ArrayList<>();
        List<LockReport> locks = new java.util.ArrayList<>();
        List<PoolReport> pools = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            findings.add(new Finding("TS101", Severity.CRITICAL, "title " + longName, new Subject("lock", longName,
                    "0x" + i, longName), Map.of("busy", 0.9), List.of(stack), "advice " + longName, 1_000));
            locks.add(new LockReport(LockKind.JUC, longName, "0x" + i, 1, 1, 1, 1, 1, 1,
                    List.of(new ThreadCount(longName, 1)), longName, List.of(stack), null, null));
            pools.add(new PoolReport("0x" + i, "com.example.Pool", longName, 1, 0, 1, 1, 1, Distribution.EMPTY,
                    Distribution.EMPTY, null, null, null, null, null, null, null, null, List.of(), List.of(stack)));
        }
        List<ThreadsReport.NameCount> names = java.util.Collections.nCopies(1_000,
                new ThreadsReport.NameCount(longName, 1));
        ThreadsReport threads = new ThreadsReport(1_000, 0, 1, Distribution.EMPTY, Distribution.EMPTY, 0, 1, List.of(),
                names);
        RecordingInfo info = new RecordingInfo(longName + ".jfr", longName, longName, null, 1, 2, null,
                java.util.Collections.nCopies(1_000, longName), java.util.Collections.nCopies(1_000, longName));
        return new Analysis(info, findings, locks, pools, threads, ProcessesReport.EMPTY, VirtualThreadsReport.EMPTY);
    }

    /**
     * A recording whose thread names, lock holders, frames and spawned command lines carry markup, as a program can
     * make them: every one of them must reach HTML as text.
     */
    static Analysis hostile(String threadName, String command) {
        Analysis base = oversubscribed();
        SchedulerReport s = base.scheduler();
        ThreadStates busy = new ThreadStates(700_000_000L, 100_000_000L, 200_000_000L, 0, 0, 0, 0, 0);
        List<ThreadSchedule> threads = new java.util.ArrayList<>(s.threads());
        threads.add(new ThreadSchedule(4242, 42L, threadName, threadName, false, busy, 10, 5, 5));
        ThreadTimeline timeline = new ThreadTimeline(4242, threadName, false, 0, 1_000_000_000L,
                List.of(busy, busy));
        List<ThreadGroupSchedule> groups = new java.util.ArrayList<>(s.groups());
        groups.add(new ThreadGroupSchedule(threadName, 1, false, busy, 5, 5, 5.0, 6_000));
        SchedulerReport scheduler = new SchedulerReport(s.samplePeriodNanos(), s.states(), s.runQueueShare(),
                s.meanThreadsWantingCpu(), s.application(), s.meanParallelism(), s.peakParallelism(), s.sliceNanos(),
                s.timeline(), s.switchCost(), groups, threads, s.notes(), List.of(timeline));
        LockReport lock = lock(1.0);
        StackSummary markup = new StackSummary(List.of("x.Evil.</script><img src=x onerror=alert(1)>:1",
                "java.lang.Thread.run:840"), 3, 3_000_000L);
        lock = new LockReport(lock.kind(), lock.lockClass(), lock.id(), lock.waits(), lock.waitNanos(),
                lock.maxWaitNanos(), lock.meanWaiters(), lock.busy(), lock.waitingThreads(),
                List.of(new ThreadCount(threadName, 7)), lock.criticalSection(), List.of(markup),
                lock.usersParallelism(), new HolderStates(10, Map.of("running", 1.0)));
        ProcessesReport processes = new ProcessesReport(1, 0, 0.5, new Distribution(1, 1_000_000, 1_000_000,
                1_000_000, 1_000_000, 1_000_000), 0.001, Distribution.EMPTY, Map.of(0, 1L), List.of(),
                List.of(new ProcessesReport.CommandCount(command, 1)));
        ThreadsReport started = new ThreadsReport(1, 0, 0.5, Distribution.EMPTY, Distribution.EMPTY, 0, 12, List.of(),
                List.of(new ThreadsReport.NameCount(threadName, 1)));
        return new Analysis(base.recording(), List.of(), List.of(lock), List.of(), started, processes,
                VirtualThreadsReport.EMPTY, List.of(), List.of(), List.of(), List.of(), scheduler);
    }

    static Analysis empty() {
        RecordingInfo info = new RecordingInfo("app.jfr", null, null, null, 0, 0, null,
                List.of("No Turnstile agent events."), List.of("jdk"));
        return new Analysis(info, List.of(), List.of(), List.of(), ThreadsReport.EMPTY, ProcessesReport.EMPTY,
                VirtualThreadsReport.EMPTY);
    }
}
