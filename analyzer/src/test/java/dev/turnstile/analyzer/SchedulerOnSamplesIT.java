package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.ParallelismSlice;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.model.ThreadGroupSchedule;
import dev.turnstile.analyzer.model.ThreadSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduler view against samples whose truth is known by construction. Other builds share the machine, so bounds
 * are the ones that load cannot break: N CPU-bound threads on C cores cannot run more than C/N of the time each, but
 * may run less; a hand-off cannot happen without the receiving thread giving up its CPU.
 */
class SchedulerOnSamplesIT {
    private static final Calibration DEFAULTS = Calibration.defaults();

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void oversubscribedThreadsWaitForCpusAndTs201SaysHowManyThreadsWouldDo(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "oversubscribed");
        int threads = (int) recording.truthDouble("threads");
        int cores = (int) recording.truthDouble("cores");
        Analysis analysis = new Analyzer(DEFAULTS).analyze(recording.file());
        SchedulerReport scheduler = analysis.scheduler();
        assertNotNull(scheduler, "the agent's recording has per-thread counters");
        // Nothing says the counters are missing. (Other notes may come: on a loaded machine async-profiler, started
        // in the background, can miss a short run.)
        assertTrue(analysis.recording().notes().stream().noneMatch(note -> note.contains("kernel counters")),
                analysis.recording().notes()::toString);

        List<ThreadSchedule> workers = workers(scheduler, recording.truth().get("namePrefix"));
        assertEquals(threads, workers.size(), () -> "workers in " + scheduler.threads());
        double fairShare = (double) cores / threads;
        double runningShares = 0;
        long running = 0;
        for (ThreadSchedule worker : workers) {
            ThreadStates states = worker.states();
            double runningShare = (double) states.running() / states.total();
            runningShares += runningShare;
            running += states.running();
            // More than a fair share would need a CPU nobody else wanted; other processes can only take some away.
            assertTrue(runningShare <= 2 * fairShare, () -> worker + " ran more than twice its share " + fairShare);
            assertTrue(states.runQueueShare() >= 0.5, () -> worker + " waited for a CPU too little");
            // CPU-bound: the kernel takes the CPU from it, and it gives the CPU up itself only to start, to end (the
            // workers read their CPU time through one synchronized JDK object) and when the JVM stops every thread at
            // a safepoint, which on a busy machine can take a while: off the CPU, but rarely.
            assertTrue(worker.involuntarySwitches() >= 3 * worker.voluntarySwitches(), worker::toString);
            assertTrue(worker.voluntarySwitches() <= 20, worker::toString);
            assertTrue(!worker.jvmInternal(), worker::toString);
        }
        // Other processes can take any part of the fair share: only the upper bound is the sample's.
        double meanShare = runningShares / threads;
        assertTrue(meanShare <= fairShare * 1.1, () -> "mean running share " + meanShare + ", fair share " + fairShare);
        long measured = (long) recording.truthDouble("workerCpuNanos");
        long sampled = running;
        assertTrue(Math.abs(sampled - measured) <= measured * 0.02 + threads * 5_000_000L,
                () -> "running " + sampled + " ns, the JVM measured " + measured);

        assertTrue(scheduler.meanParallelism() <= cores * 1.05, () -> "parallelism " + scheduler.meanParallelism());
        long window = analysis.recording().durationNanos();
        assertEquals((window + 999_999_999) / 1_000_000_000, scheduler.timeline().size(), "one slice a second");
        double timelineCpu = scheduler.timeline().stream()
                .mapToDouble(s -> s.cpusInUse() * s.lengthNanos()).sum();
        // Up to the edges of the window, where slices and samples do not start together.
        assertTrue(Math.abs(timelineCpu - scheduler.states().running()) <= scheduler.states().running() * 0.1,
                () -> "the timeline holds the running time: " + timelineCpu + " vs " + scheduler.states().running());
        for (ParallelismSlice slice : scheduler.timeline()) {
            assertTrue(slice.cpusInUse() <= cores * 1.1, slice::toString);
        }

        Finding finding = analysis.findings().stream().filter(f -> f.id().equals("TS201")).findFirst()
                .orElseThrow(() -> new AssertionError("no TS201 in " + analysis.findings()));
        assertEquals("oversubscribed-worker-*", finding.subject().name());
        assertEquals(threads, finding.metrics().get("groupThreads").intValue());
        assertTrue(finding.metrics().get("runQueueShare").doubleValue() >= 0.5, finding::toString);
        // CPU-bound threads: f is near 1, and cores / f near the number of cores, fewer than the sample started.
        long suggested = finding.metrics().get("suggestedThreads").longValue();
        double cpuShare = finding.metrics().get("groupCpuShare").doubleValue();
        assertEquals(Math.round(cores / cpuShare), suggested, finding::toString);
        assertTrue(suggested >= cores && suggested < threads, finding::toString);
        ThreadGroupSchedule group = scheduler.groups().get(0);
        assertEquals("oversubscribed-worker-*", group.name(), "the busiest group comes first");
        assertEquals((group.voluntarySwitches() + group.involuntarySwitches()) * DEFAULTS.nanos(
                Calibration.Cost.HANDOFF_SAME_CPU), group.switchCostNanos());
        assertTrue(scheduler.notes().stream().anyMatch(n -> n.contains("default")), "says the cost is the default");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void pingPongSwitchesAtEveryHandOffWithoutOversubscribing(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "pingpong");
        Analysis analysis = new Analyzer(DEFAULTS).analyze(recording.file());
        SchedulerReport scheduler = analysis.scheduler();
        assertNotNull(scheduler);
        assertTrue(analysis.findings().stream().noneMatch(f -> f.id().equals("TS201")), analysis.findings()::toString);

        List<ThreadSchedule> pair = workers(scheduler, recording.truth().get("namePrefix"));
        assertEquals(2, pair.size(), () -> "ping and pong in " + scheduler.threads());
        long handoffs = (long) recording.truthDouble("handoffs");
        long voluntary = pair.stream().mapToLong(ThreadSchedule::voluntarySwitches).sum();
        long involuntary = pair.stream().mapToLong(ThreadSchedule::involuntarySwitches).sum();
        // The receiver of a hand-off waits 20 us for it: it parks (voluntary) or, on 17, whose SynchronousQueue
        // yields once before parking, may yield to another process's thread (counted as involuntary by Linux).
        assertTrue(voluntary + involuntary >= handoffs,
                () -> voluntary + " + " + involuntary + " switches for " + handoffs + " hand-offs");
        if (jdk >= 21) {
            // 21+ hand off through LinkedTransferQueue, which spins and then parks: no yield.
            assertTrue(voluntary >= handoffs / 2, () -> voluntary + " voluntary switches for " + handoffs);
        }
        long running = pair.stream().mapToLong(t -> t.states().running()).sum();
        long measured = (long) recording.truthDouble("workerCpuNanos");
        assertTrue(Math.abs(running - measured) <= measured * 0.02 + 10_000_000L,
                () -> "running " + running + " ns, the JVM measured " + measured);
        double perSecond = scheduler.groups().stream().filter(g -> g.name().startsWith("pingpong-"))
                .mapToDouble(ThreadGroupSchedule::switchesPerSecond).sum();
        assertTrue(perSecond >= 1_000, () -> "switch rate " + perSecond);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void statesAddUpToEachThreadsLifeAndWaitsAreSortedByKind(int jdk) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(jdk), "signals");
        Analysis analysis = new Analyzer(DEFAULTS).analyze(recording.file());
        SchedulerReport scheduler = analysis.scheduler();
        assertNotNull(scheduler);
        long window = analysis.recording().durationNanos();
        for (ThreadSchedule thread : scheduler.threads()) {
            assertTrue(thread.states().total() <= window * 1.01 + 10_000_000, thread::toString);
        }
        // The waiter waits for signals 50 ms at a time, six kinds per round: waiting, not blocked or parked.
        ThreadStates waiter = scheduler.threads().stream().filter(t -> t.name().equals(recording.truth().get("waiter")))
                .map(ThreadSchedule::states).reduce(ThreadStates.NONE, ThreadStates::plus);
        double rounds = recording.truthDouble("rounds");
        double delay = recording.truthDouble("delayMillis") * 1e6;
        // (A wait's recorded length includes getting a CPU back, which the run queue also counts: at least 70 %.)
        assertTrue(waiter.waiting() >= 0.7 * rounds * 6 * delay, () -> "waiter " + waiter);
        assertTrue(waiter.blocked() + waiter.parked() <= 0.1 * waiter.waiting(), () -> "waiter " + waiter);
        // The signaller (main) sleeps between signals.
        ThreadStates main = scheduler.threads().stream().filter(t -> t.name().equals("main")).findFirst()
                .orElseThrow().states();
        assertTrue(main.sleeping() >= 0.7 * rounds * 6 * delay, () -> "main " + main);
    }

    private static List<ThreadSchedule> workers(SchedulerReport scheduler, String prefix) {
        return scheduler.threads().stream().filter(t -> t.name().startsWith(prefix)).toList();
    }
}
