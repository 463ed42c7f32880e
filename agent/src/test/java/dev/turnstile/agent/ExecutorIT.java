package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pool sample's executors, each with numbers known by construction (worker threads named pool-PHASE-N): counts
 * of submitted, rejected, started and completed tasks for ThreadPoolExecutor, ScheduledThreadPoolExecutor,
 * ForkJoinPool, CompletableFuture and an executor of the sample's own; run times and queue waits; slow tasks and
 * submitting sites.
 */
class ExecutorIT {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void everyExecutorsTasksAreCountedAndTimed(int jdk) throws Exception {
        SampleRecording sample = SampleRecording.of(Jdks.require(jdk), "pool");
        Recorded recorded = Recorded.read(sample.file());
        Map<String, RecordedEvent> totals = lastTotalsByName(recorded);

        assertCounts(totals.get("pool-saturated-"), sample.truthDouble("saturated.tasks"), 0, 0);
        assertCounts(totals.get("pool-rejecting-"), sample.truthDouble("rejecting.submitted"),
                sample.truthDouble("rejecting.rejected"), 0);
        assertCounts(totals.get("pool-scheduled-"), sample.truthDouble("scheduled.tasks"), 0, 0);
        assertEquals("java.util.concurrent.ScheduledThreadPoolExecutor",
                Recorded.className(totals.get("pool-scheduled-"), "executorClass"));
        // Executors.newSingleThreadExecutor wraps a ThreadPoolExecutor: the pool counts the tasks, the wrapper adds nothing.
        assertCounts(totals.get("pool-single-"), sample.truthDouble("single.tasks"), 0, 0);
        assertTrue(recorded.named("turnstile.ExecutorTotals").stream()
                        .noneMatch(e -> Recorded.className(e, "executorClass").contains("DelegatedExecutorService")),
                "the single-thread wrapper is not counted apart");
        // ForkJoinPool: submitted tasks (and CompletableFuture's async ones) are the pool's tasks; the subtasks a
        // fork/join computation forks are the work of the one task that was submitted.
        assertCounts(totals.get("pool-forkjoin-"), sample.truthDouble("forkjoin.tasks"), 0, 0);
        assertCounts(totals.get("pool-async-"), sample.truthDouble("async.tasks"), 0, 0);
        // One Runnable object queued ten times: counted exactly, its waits unknown rather than wrong.
        RecordedEvent repeated = totals.get("pool-repeated-");
        assertEquals(10, repeated.getLong("completed"));
        assertTrue(repeated.getLong("waitUnknown") <= 10);
        // The sample's own executor: submissions are counted; its workers are not seen.
        RecordedEvent inline = recorded.named("turnstile.ExecutorTotals").stream()
                .filter(e -> sample.truth().get("inline.class").equals(Recorded.className(e, "executorClass")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no totals for the sample's own executor"));
        assertEquals((long) sample.truthDouble("inline.tasks"), inline.getLong("submitted"));
        assertEquals(0, inline.getLong("started"));

        // Run times of the saturated pool: 200 tasks that each burn 2 ms, so every run takes at least 2 ms (more when
        // the machine is busy and a worker waits for a CPU); the queue builds, so the last tasks waited ~200 ms.
        int saturated = totals.get("pool-saturated-").getInt("executorId");
        Map<Long, Long> runTimes = histogram(recorded, saturated, "runTime");
        assertEquals(200, runTimes.values().stream().mapToLong(Long::longValue).sum(), "every task's run time");
        long medianRun = percentile(runTimes, 0.5);
        assertTrue(medianRun >= 2_000_000 && medianRun <= 10_000_000, () -> "median run time bucket " + medianRun);
        long longestWait = percentile(histogram(recorded, saturated, "queueWait"), 1.0);
        assertTrue(longestWait >= 100_000_000, () -> "longest queue wait bucket " + longestWait);

        // Slow tasks (2 ms >= the 100 us threshold) are events of their own, with their queue wait.
        List<RecordedEvent> runs = recorded.named("turnstile.TaskRun", e -> e.getInt("executorId") == saturated);
        assertEquals(200, runs.size(), "one event per slow task");
        assertTrue(runs.stream().allMatch(e -> e.getLong("queueWaitNanos") >= 0), "every wait known");
        assertTrue(runs.stream().allMatch(e -> Recorded.threadName(e).startsWith("pool-saturated-")), "run by workers");

        // Submitting sites are sampled with the submitter's stack.
        assertTrue(recorded.named("turnstile.TaskSubmit", e -> e.getInt("executorId") == saturated).stream()
                        .anyMatch(e -> Recorded.inMethod(e, "dev.turnstile.samples.PoolSample", "saturated")),
                "a sampled submission names the submitting method");

        // Snapshots name the pool and its size while it ran.
        assertTrue(recorded.named("turnstile.ExecutorStatistics").stream().allMatch(e -> e.getInt("poolSize") >= -1));
    }

    private static Map<String, RecordedEvent> lastTotalsByName(Recorded recorded) {
        return recorded.named("turnstile.ExecutorTotals").stream()
                .filter(e -> e.getString("name") != null)
                .collect(Collectors.toMap(e -> e.getString("name"), Function.identity(),
                        (a, b) -> a.getEndTime().isAfter(b.getEndTime()) ? a : b));
    }

    private static void assertCounts(RecordedEvent totals, double submitted, double rejected, long waitUnknown) {
        assertTrue(totals != null, "no totals");
        String pool = totals.getString("name");
        assertEquals((long) submitted, totals.getLong("submitted"), pool + " submitted");
        assertEquals((long) rejected, totals.getLong("rejected"), pool + " rejected");
        assertEquals((long) (submitted - rejected), totals.getLong("started"), pool + " started");
        assertEquals((long) (submitted - rejected), totals.getLong("completed"), pool + " completed");
        assertEquals(waitUnknown, totals.getLong("waitUnknown"), pool + " waits unknown");
    }

    /** The last (cumulative) histogram of one kind: bucket upper bound to tasks. */
    private static Map<Long, Long> histogram(Recorded recorded, int executorId, String kind) {
        List<RecordedEvent> buckets = recorded.named("turnstile.ExecutorTimes",
                e -> e.getInt("executorId") == executorId && e.getString("kind").equals(kind));
        return buckets.stream().collect(Collectors.toMap(e -> e.getLong("upperBoundNanos"), e -> e.getLong("tasks"),
                Math::max));
    }

    private static long percentile(Map<Long, Long> histogram, double share) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : histogram.entrySet().stream()
                .sorted(Comparator.comparingLong(Map.Entry::getKey)).toList()) {
            seen += bucket.getValue();
            if (seen >= share * total) {
                return bucket.getKey();
            }
        }
        return Long.MAX_VALUE;
    }
}
