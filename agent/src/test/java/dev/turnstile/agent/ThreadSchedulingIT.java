package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * turnstile.ThreadScheduling against samples whose threads' CPU time and number are known: the counters are the
 * kernel's, so what the threads ran must add up to what the JVM says they ran, every thread that ends hands in its
 * last counters exactly once, and the OS thread ids are JFR's.
 */
class ThreadSchedulingIT {
    private static final String SCHEDULING = "turnstile.ThreadScheduling";
    /** The kernel keeps 15 characters of a thread's name. */
    private static final int KERNEL_NAME_LENGTH = 15;

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void workersOnCpuTimeIsWhatTheJvmMeasuredAndTheirIdsAreJfrs(int feature) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(feature), "oversubscribed");
        int workers = (int) recording.truthDouble("threads");
        String prefix = recording.truth().get("namePrefix");
        Recorded recorded = Recorded.read(recording.file());

        // The workers' OS ids, as JFR knows them from the workers' own start events.
        Map<Long, String> workerIds = new HashMap<>();
        for (RecordedEvent start : recorded.named("jdk.ThreadStart")) {
            RecordedThread thread = start.getValue("thread");
            if (thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith(prefix)) {
                workerIds.put(thread.getOSThreadId(), thread.getJavaName());
            }
        }
        assertEquals(workers, workerIds.size(), "every worker's start is in the recording");

        List<RecordedEvent> samples = recorded.named(SCHEDULING, e -> workerIds.containsKey(e.getLong("tid")));
        long onCpu = 0;
        Map<Long, Integer> ends = new HashMap<>();
        for (RecordedEvent sample : samples) {
            String javaName = workerIds.get(sample.getLong("tid"));
            if (sample.getBoolean("ended")) {
                // (Sampled just after it was created, a thread may still have its creator's name: the JVM names it
                // once it runs.)
                assertEquals(kernelName(javaName), sample.getString("threadName"), "the kernel's name of the thread");
            }
            for (String counter : List.of("onCpuNanos", "runQueueNanos", "timeslices", "voluntarySwitches",
                    "involuntarySwitches", "intervalNanos")) {
                assertTrue(sample.getLong(counter) >= 0, () -> counter + " of " + sample);
            }
            onCpu += sample.getLong("onCpuNanos");
            if (sample.getBoolean("ended")) {
                ends.merge(sample.getLong("tid"), 1, Integer::sum);
            }
        }
        assertEquals(workers, ends.size(), "every worker's end was read");
        assertTrue(ends.values().stream().allMatch(n -> n == 1), () -> "one end per worker: " + ends);

        // Each worker read its CPU time just before it ended; the kernel's on-CPU time is the same clock, plus the
        // few instructions from that read to the end.
        long measured = (long) recording.truthDouble("workerCpuNanos");
        long sampled = onCpu;
        assertTrue(sampled >= measured * 0.99, () -> "on-CPU " + sampled + " ns, the JVM measured " + measured);
        assertTrue(sampled <= measured * 1.02 + workers * 5_000_000L,
                () -> "on-CPU " + sampled + " ns, the JVM measured " + measured);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void shortLivedThreadsAreCountedFromTheirLastCounters(int feature) throws Exception {
        SampleRecording recording = SampleRecording.of(Jdks.require(feature), "churn");
        long started = (long) recording.truthDouble("started");
        String prefix = recording.truth().get("namePrefix");
        Recorded recorded = Recorded.read(recording.file());

        // Most churn threads live 0.2 ms, between two samples: only their end tells what they did. Ends are read on
        // credit, 1,000 in a burst and 100 a second; the others are counted.
        List<RecordedEvent> ends = recorded.named(SCHEDULING,
                e -> e.getBoolean("ended") && e.getString("threadName").startsWith(prefix));
        long skipped = lastStatistics(recorded).getLong("skippedThreadEnds");
        assertEquals(ends.size(), ends.stream().map(e -> e.getLong("tid")).distinct().count(), "each thread once");
        assertTrue(ends.size() <= started && ends.size() + skipped >= started,
                () -> ends.size() + " ends read and " + skipped + " skipped for " + started + " threads");
        assertTrue(ends.size() >= Math.min(started, 1_000), () -> ends.size() + " ends read of " + started);
        for (RecordedEvent end : ends) {
            // Each burned CPU for 0.2 ms by the clock without ever blocking: running, or preempted and waiting for a
            // CPU again, for at least that long.
            assertTrue(end.getLong("onCpuNanos") + end.getLong("runQueueNanos") >= 200_000
                    || sampledBefore(recorded, end), () -> "on-CPU and waiting for a CPU of " + end);
        }
        assertEquals(0, lastStatistics(recorded).getLong("lostThreadEnds"));
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void schedOffRecordsNoCountersAndSaysSo(int feature) throws Exception {
        Path file = Files.createTempDirectory(Artifacts.outputDirectory(), "sched-off").resolve("r.jfr");
        Command.Outcome outcome = Command.of(Jdks.require(feature).java(),
                "-javaagent:" + Artifacts.agentJar() + "=file=" + file + ",sched=off",
                "-cp", Artifacts.samplesJar(), "dev.turnstile.samples.SampleMain", "parallel", "--seconds", "0.5").run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        Recorded recorded = Recorded.read(file);
        assertEquals(List.of(), recorded.named(SCHEDULING));
        RecordedEvent start = recorded.named("turnstile.AgentStart").get(0);
        assertEquals("off", start.getString("schedulerCounters"));
        assertTrue(start.getString("options").contains(",sched=off,"), start.getString("options"));
    }

    /** A thread also sampled while it lived has only the rest of its counters in its end. */
    private static boolean sampledBefore(Recorded recorded, RecordedEvent end) {
        return recorded.named(SCHEDULING).stream()
                .anyMatch(e -> !e.getBoolean("ended") && e.getLong("tid") == end.getLong("tid"));
    }

    private static RecordedEvent lastStatistics(Recorded recorded) {
        List<RecordedEvent> statistics = recorded.named("turnstile.AgentStatistics");
        return statistics.get(statistics.size() - 1);
    }

    private static String kernelName(String javaName) {
        return javaName.length() <= KERNEL_NAME_LENGTH ? javaName : javaName.substring(0, KERNEL_NAME_LENGTH);
    }
}
