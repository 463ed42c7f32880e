package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Turnstile beside the OpenTelemetry Java agent on one JVM, each order of the two -javaagent options, on JDK 17 and
 * 25. OpenTelemetry exports nothing (every exporter is "none", so it opens no connection), but its method
 * instrumentation puts each phase of the pool sample in a span, so that its executor instrumentation does what it does
 * in a traced service: it replaces every lambda handed to {@code ThreadPoolExecutor.execute} with a wrapper that
 * carries the span's context to the worker. The gil-juc and pool samples run one after the other in the JVM; their
 * truth must be the program's truth without any agent, and Turnstile's events must be as right as without
 * OpenTelemetry: exact task counts, every queue wait known and plausible, the lock waits of gil-juc.
 */
class OpenTelemetryIT {
    private static final String WRAPPER = "io.opentelemetry.javaagent.bootstrap.executors.ContextPropagatingRunnable";
    private static final String PHASES = "saturated,rejecting,repeated,scheduled,single,inline,forkJoin,async";
    private static final Map<Integer, Map<String, String>> PLAIN_POOL_TRUTH = new ConcurrentHashMap<>();

    enum Order { OPENTELEMETRY_FIRST, TURNSTILE_FIRST }

    static Stream<Arguments> runs() {
        return Stream.of(17, 25).flatMap(jdk -> Stream.of(Order.values()).map(order -> Arguments.of(jdk, order)));
    }

    @ParameterizedTest(name = "JDK {0}, {1}")
    @MethodSource("runs")
    void bothAgentsWorkAndTheProgramIsUnchanged(int feature, Order order) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path file = Artifacts.outputDirectory().resolve("otel-" + order.name().toLowerCase() + "-jdk" + feature + ".jfr");
        Files.deleteIfExists(file);
        String turnstile = "-javaagent:" + Artifacts.agentJar() + "=file=" + file;
        String openTelemetry = "-javaagent:" + otelAgentJar();
        List<Object> command = new ArrayList<>(List.of(jdk.java()));
        command.addAll(order == Order.OPENTELEMETRY_FIRST ? List.of(openTelemetry, turnstile)
                : List.of(turnstile, openTelemetry));
        command.addAll(List.of("-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none", "-Dotel.service.name=turnstile-test",
                "-Dotel.instrumentation.methods.include=dev.turnstile.samples.PoolSample[" + PHASES + "]",
                "-cp", TruthLines.testClasses() + File.pathSeparator + Artifacts.samplesJar(),
                "dev.turnstile.programs.SampleSequence", "gil-juc", "--seconds", "0.5", "+", "pool"));
        Command.Outcome outcome = Command.of(command.toArray()).timeout(Duration.ofMinutes(3)).run();

        // Both agents started, neither complained, and the program ran as without them.
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stderr().contains("opentelemetry-javaagent - version: "), outcome::describe);
        assertFalse(outcome.stderr().contains("turnstile:"), outcome::describe);
        assertFalse(outcome.stderr().contains("Exception") || outcome.stderr().contains("ERROR"), outcome::describe);
        Map<String, String> gil = TruthLines.find(outcome.stdout(), "sample", "gil-juc");
        Map<String, String> pool = TruthLines.find(outcome.stdout(), "sample", "pool");
        assertPoolTruthUnchanged(jdk, pool);
        assertEquals("8", gil.get("threads"));
        assertTrue(Long.parseLong(gil.get("passes")) > 0, gil::toString);

        Recorded recorded = Recorded.read(file);
        String modules = recorded.named("turnstile.AgentStart").get(0).getString("modules");
        assertTrue(List.of(modules.split(",")).containsAll(List.of("locks", "executors")), modules);
        assertLockWaitsOfGilJuc(recorded, gil);
        assertPoolsExact(recorded, pool);

        // OpenTelemetry was active: its executor instrumentation replaced the tasks handed to execute() inside its
        // spans. Turnstile reports the class of the object the worker ran, the wrapper.
        int rejecting = lastTotalsByName(recorded).get("pool-rejecting-").getInt("executorId");
        List<RecordedEvent> rejectingRuns = recorded.named("turnstile.TaskRun", e -> e.getInt("executorId") == rejecting);
        assertEquals(Long.parseLong(pool.get("rejecting.completed")), rejectingRuns.size(), "one event per 5 ms task");
        assertTrue(rejectingRuns.stream().allMatch(e -> WRAPPER.equals(Recorded.className(e, "taskClass"))),
                () -> "task classes " + rejectingRuns.stream().map(e -> Recorded.className(e, "taskClass")).toList());
        // Their waits are right: one worker ran them in turn, each burning at least 5 ms, so the n-th waited at least
        // (n - 1) x 5 ms, less the time the 20 submissions took (allowed: 10 ms).
        List<Long> waits = rejectingRuns.stream().sorted(Comparator.comparing(RecordedEvent::getStartTime))
                .map(e -> e.getLong("queueWaitNanos")).toList();
        for (int n = 0; n < waits.size(); n++) {
            long atLeast = n * 5_000_000L - 10_000_000L;
            assertTrue(waits.get(n) >= Math.max(0, atLeast) && waits.get(n) < 10_000_000_000L,
                    "queue waits of the rejecting pool in order: " + waits);
        }
        // Nothing exported: none of OpenTelemetry's exporting threads ever started.
        List<String> threads = recorded.named("jdk.ThreadStart").stream()
                .map(e -> Recorded.threadName(e, "thread")).toList();
        assertTrue(threads.stream().noneMatch(t -> t != null && (t.contains("OkHttp") || t.contains("BatchSpanProcessor")
                || t.contains("PeriodicMetricReader") || t.contains("BatchLogRecordProcessor"))), threads::toString);
    }

    private static Path otelAgentJar() {
        Path jar = Path.of(System.getProperty("turnstile.otel.agent.jar", ""));
        assertTrue(Files.isRegularFile(jar), "the build copies the OpenTelemetry agent to " + jar);
        return jar;
    }

    /** Every number the pool sample knows by construction is as without any agent; rejections depend on timing. */
    private static void assertPoolTruthUnchanged(Jdk jdk, Map<String, String> pool) {
        Map<String, String> plain = PLAIN_POOL_TRUTH.computeIfAbsent(jdk.feature(), f -> {
            Command.Outcome outcome = Command.of(jdk.java(), "-cp", Artifacts.samplesJar(),
                    "dev.turnstile.samples.SampleMain", "pool").run();
            assertEquals(0, outcome.exitCode(), outcome::describe);
            return TruthLines.find(outcome.stdout(), "sample", "pool");
        });
        Map<String, String> expected = new HashMap<>(plain);
        Map<String, String> actual = new HashMap<>(pool);
        for (Map<String, String> truth : List.of(expected, actual)) {
            assertEquals(Long.parseLong(truth.get("rejecting.submitted")),
                    Long.parseLong(truth.remove("rejecting.rejected")) + Long.parseLong(truth.remove("rejecting.completed")));
        }
        assertEquals(expected, actual);
    }

    private static void assertLockWaitsOfGilJuc(Recorded recorded, Map<String, String> gil) {
        List<RecordedEvent> waits = recorded.named("turnstile.LockWait",
                e -> Recorded.threadName(e).startsWith("gil-juc-worker-"));
        assertTrue(waits.size() >= 10, () -> waits.size() + " lock waits of the gil-juc workers");
        assertTrue(waits.stream().allMatch(e -> "java.util.concurrent.locks.ReentrantLock$NonfairSync".equals(
                Recorded.className(e, "synchronizerClass")) && e.getBoolean("acquired")
                && Recorded.inMethod(e, "dev.turnstile.samples.GilJucSample$Interpreter", "execute")), "all on the one lock");
        assertTrue(waits.stream().map(recorded::ownerName).allMatch(
                owner -> owner == null || owner.startsWith("gil-juc-worker-")), "held by another worker");
        long lockId = waits.get(0).getLong("lockId");
        long contended = recorded.named("turnstile.LockStatistics", e -> e.getLong("lockId") == lockId).stream()
                .mapToLong(e -> e.getLong("contendedAcquisitions")).max().orElse(0);
        long passes = Long.parseLong(gil.get("passes"));
        long events = waits.stream().filter(e -> e.getLong("lockId") == lockId).count();
        assertTrue(contended >= events && contended <= passes + 2,
                () -> "contended acquisitions " + contended + ", events " + events + ", passes " + passes);
    }

    /** As without OpenTelemetry (see ExecutorIT): exact counts, and every wait known, wrapped tasks included. */
    private static void assertPoolsExact(Recorded recorded, Map<String, String> pool) {
        Map<String, RecordedEvent> totals = lastTotalsByName(recorded);
        long rejected = Long.parseLong(pool.get("rejecting.rejected"));
        assertCounts(totals.get("pool-saturated-"), pool.get("saturated.tasks"), 0);
        assertCounts(totals.get("pool-rejecting-"), pool.get("rejecting.submitted"), rejected);
        // One Runnable queued ten times: its submissions cannot be told apart, so, as in ExecutorIT, a wait may be
        // unknown (OpenTelemetry's wrappers usually tell them apart, but not when a worker takes one at once).
        assertCounts(totals.get("pool-repeated-"), pool.get("repeated.tasks"), 0, 10);
        assertCounts(totals.get("pool-scheduled-"), pool.get("scheduled.tasks"), 0);
        assertCounts(totals.get("pool-single-"), pool.get("single.tasks"), 0);
        assertCounts(totals.get("pool-forkjoin-"), pool.get("forkjoin.tasks"), 0);
        assertCounts(totals.get("pool-async-"), pool.get("async.tasks"), 0);
        RecordedEvent statistics = recorded.named("turnstile.AgentStatistics").stream()
                .max(Comparator.comparing(RecordedEvent::getEndTime)).orElseThrow();
        assertEquals(0, statistics.getLong("pendingTaskCollisions") + statistics.getLong("pendingTasksSwept"),
                "nothing dropped");
    }

    private static void assertCounts(RecordedEvent totals, String tasks, long rejected) {
        assertCounts(totals, tasks, rejected, 0);
    }

    private static void assertCounts(RecordedEvent totals, String tasks, long rejected, long maxUnknown) {
        assertTrue(totals != null, "no totals");
        String pool = totals.getString("name");
        long submitted = Long.parseLong(tasks);
        assertEquals(submitted, totals.getLong("submitted"), pool + " submitted");
        assertEquals(rejected, totals.getLong("rejected"), pool + " rejected");
        assertEquals(submitted - rejected, totals.getLong("started"), pool + " started");
        assertEquals(submitted - rejected, totals.getLong("completed"), pool + " completed");
        assertTrue(totals.getLong("waitUnknown") <= maxUnknown, () -> pool + " waits unknown: "
                + totals.getLong("waitUnknown"));
    }

    private static Map<String, RecordedEvent> lastTotalsByName(Recorded recorded) {
        return recorded.named("turnstile.ExecutorTotals").stream()
                .filter(e -> e.getString("name") != null)
                .collect(Collectors.toMap(e -> e.getString("name"), Function.identity(),
                        (a, b) -> a.getEndTime().isAfter(b.getEndTime()) ? a : b));
    }
}
