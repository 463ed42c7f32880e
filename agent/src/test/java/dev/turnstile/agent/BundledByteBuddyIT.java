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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A program that bundles its own Byte Buddy, an older version than the agent's and not relocated
 * (dev.turnstile.programs.BundledByteBuddyProgram with byte-buddy 1.14.x on its class path), runs under the agent as
 * without it, and the recording is right: its generated executor's tasks counted, each of its 200 contended
 * acquisitions recorded with its owner. The agent keeps no class of the program alive: the loader of the generated
 * executor and that of a lock class contended in a loader of its own are collected once the program lets go of them.
 */
class BundledByteBuddyIT {
    private static final String PROGRAM = "dev.turnstile.programs.BundledByteBuddyProgram";

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theProgramsOwnByteBuddyWorksAndItsLocksAndExecutorAreRecorded(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path byteBuddy = Path.of(System.getProperty("turnstile.app.bytebuddy.jar", ""));
        assertTrue(Files.isRegularFile(byteBuddy), "the build copies the program's Byte Buddy to " + byteBuddy);
        String classPath = TruthLines.testClasses() + File.pathSeparator + byteBuddy;
        Path file = Artifacts.outputDirectory().resolve("bundled-byte-buddy-jdk" + feature + ".jfr");
        Files.deleteIfExists(file);

        Command.Outcome plain = Command.of(jdk.java(), "-cp", classPath, PROGRAM).run();
        assertEquals(0, plain.exitCode(), plain::describe);
        // Every wait recorded (threshold 0), so the events can be counted against the program's truth.
        Command.Outcome recorded = Command.of(jdk.java(), "-javaagent:" + Artifacts.agentJar() + "=file=" + file
                + ",threshold=0", "-cp", classPath, PROGRAM).run();
        assertEquals(0, recorded.exitCode(), recorded::describe);
        assertTrue(recorded.stderr().lines().noneMatch(l -> l.startsWith("turnstile:") || l.contains("Exception")),
                recorded::describe);

        Map<String, String> truth = TruthLines.find(recorded.stdout(), "program", "bundled-byte-buddy");
        assertEquals(TruthLines.find(plain.stdout(), "program", "bundled-byte-buddy"), truth, "as without the agent");
        assertEquals("net.bytebuddy.ByteBuddy", truth.get("byteBuddyClass"), "the program's own, not relocated");
        assertEquals(byteBuddy.getFileName().toString(), truth.get("byteBuddyJar"));
        assertEquals("false", truth.get("seesAgentsByteBuddy"), "the agent's copy is hidden from the program");
        assertEquals("true", truth.get("generatedLoaderCollected"), "the generated executor's loader was collected");
        assertEquals("true", truth.get("lockLoaderCollected"), "the other lock class's loader was collected");

        Recorded events = Recorded.read(file);
        String modules = events.named("turnstile.AgentStart").get(0).getString("modules");
        assertTrue(List.of(modules.split(",")).containsAll(List.of("locks", "executors")), modules);

        // The executor class the program generated is instrumented as it loads: every task handed to it counted. By the
        // end of the recording the class is unloaded, so its totals carry no class: they are joined by executor id
        // with a sampled submission, written while the class was alive.
        List<RecordedEvent> submissions = events.named("turnstile.TaskSubmit",
                e -> truth.get("generated").equals(Recorded.className(e, "executorClass")));
        assertTrue(submissions.stream().anyMatch(e -> Recorded.inMethod(e, PROGRAM, "runGeneratedExecutor")),
                "a sampled submission from the program");
        int executorId = submissions.get(0).getInt("executorId");
        List<RecordedEvent> totals = events.named("turnstile.ExecutorTotals", e -> e.getInt("executorId") == executorId);
        assertFalse(totals.isEmpty(), "totals for the generated executor");
        assertEquals(Long.parseLong(truth.get("tasks")),
                totals.stream().mapToLong(e -> e.getLong("submitted")).max().orElse(0));

        // Each hand-off is one contended acquisition, taken by bundled-taker from main.
        long contended = Long.parseLong(truth.get("contended"));
        List<RecordedEvent> waits = events.named("turnstile.LockWait",
                e -> truth.get("lockClass").equals(Recorded.className(e, "synchronizerClass"))
                        && Recorded.threadName(e).equals("bundled-taker"));
        assertEquals(contended, waits.size(), "one wait event per contended acquisition");
        assertTrue(waits.stream().allMatch(e -> e.getBoolean("acquired")
                && "main".equals(events.ownerName(e))), "taken by the taker from main");
        Map<Long, Long> perLock = events.named("turnstile.LockStatistics",
                e -> truth.get("lockClass").equals(Recorded.className(e, "synchronizerClass"))).stream()
                .collect(Collectors.toMap(e -> e.getLong("lockId"), e -> e.getLong("contendedAcquisitions"), Math::max));
        List<Long> waitedLocks = waits.stream().map(e -> e.getLong("lockId")).distinct().toList();
        assertEquals(contended, waitedLocks.size(), "200 distinct locks");
        assertTrue(waitedLocks.stream().allMatch(id -> perLock.getOrDefault(id, 0L) == 1),
                "each in the totals, contended once");
        // The copy of the lock class in its own loader: 50 hand-offs, recorded like the others.
        assertEquals(50, events.named("turnstile.LockWait", e -> e.getBoolean("acquired")
                && Recorded.threadName(e).equals("bundled-other-taker")).size());
    }
}
