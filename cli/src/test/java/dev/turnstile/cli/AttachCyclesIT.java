package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Twenty attach/detach cycles against one JVM leave nothing behind: no thread, no class loader (each session's
 * agent core and Byte Buddy live in a class loader of their own, which must become collectable), no memory beyond
 * fixed bounds, and every cycle records the same lock and async-profiler's samples (the profiler the first session
 * loaded, which every later one reuses: its library cannot be unloaded). The cycles run the attach command in this
 * JVM (the packaged CLI is the same code) to spare twenty JVM start-ups; the target runs on JDK 17 and on JDK 25, whose
 * virtual-thread hooks are the most to undo, there with dynamic agent loading allowed so it prints no warning per
 * cycle.
 */
class AttachCyclesIT {
    private static final int CYCLES = 20;
    /**
     * A session loads about 1,450 classes into its own loader (and 6 MB of metaspace): one leaked session would exceed
     * these bounds. What a session does leave, measured on JDK 25: the JVM counts the 24 class versions it makes when
     * the agent retransforms 12 JDK classes and restores them as loaded classes, and about 18 method-handle classes
     * the JDK generates for Byte Buddy stay in the JDK's soft caches (reclaimed under memory pressure): about 44
     * classes and 220 KB per session.
     */
    private static final long MAX_CLASS_GROWTH = 1200;
    private static final long MAX_METASPACE_GROWTH = 6L << 20;
    private static final long MAX_HEAP_GROWTH = 16L << 20;
    private static final String AGENT_LOADER = "dev.turnstile.agent.IsolatedLoader";
    /** The loader of async-profiler's module layer (the service sample defines no layer of its own). */
    private static final String PROFILER_LOADER = "jdk.internal.loader.Loader";

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void twentyCyclesLeaveNoThreadClassLoaderOrMemoryBehind(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "cycles-" + feature);
        // Softly reachable objects are cleared at every full GC here, so a loader still alive after one is held
        // strongly (a leak) and not by a JDK cache that a busy heap keeps longer (a Byte Buddy dispatcher class in
        // one once kept a session's loader alive past the 20 s this test waits; memory pressure would clear it).
        List<String> options = new ArrayList<>(List.of("-XX:SoftRefLRUPolicyMSPerMB=0"));
        if (feature >= 21) {
            options.add("-XX:+EnableDynamicAgentLoading");
        }
        try (ServiceProcess service = ServiceProcess.start(jdk, options.toArray(String[]::new))) {
            Map<String, Long> before = service.status();
            // The first session brings what stays for good: JFR's own threads, the bridge, the attach listener.
            cycle(service, dir, 1);
            cycle(service, dir, 2);
            awaitNoAgentLoader(jdk, service.pid());
            Map<String, Long> baseline = service.status();
            for (int i = 3; i <= CYCLES; i++) {
                cycle(service, dir, i);
            }
            awaitNoAgentLoader(jdk, service.pid());
            Map<String, Long> after = service.status();
            String numbers = "before " + before + "\nafter 2 cycles " + baseline + "\nafter " + CYCLES + " " + after;
            System.out.println(numbers);

            assertEquals(0, after.get("turnstileThreads"), numbers);
            assertTrue(after.get("threads") <= baseline.get("threads") + 1, numbers);
            assertTrue(after.get("loadedClasses") - baseline.get("loadedClasses") <= MAX_CLASS_GROWTH, numbers);
            assertTrue(after.get("metaspaceUsed") - baseline.get("metaspaceUsed") <= MAX_METASPACE_GROWTH, numbers);
            assertTrue(after.get("heapUsed") - baseline.get("heapUsed") <= MAX_HEAP_GROWTH, numbers);
            assertEquals("bridge=present releasesCounted=0", service.probe());
            assertTrue(after.get("acquisitions") > baseline.get("acquisitions"), numbers);
        }
    }

    private static void cycle(ServiceProcess service, Path dir, int n) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "attach",
                String.valueOf(service.pid()), "--duration", "200ms", "-o", dir.toString(), "--report", "json");
        assertEquals(0, exit, () -> "cycle " + n + ":\n" + err);
        assertTrue(err.toString().contains("classes restored"), () -> "cycle " + n + ":\n" + err);
        JsonNode report = AttachReports.parse(out.toString());
        AttachReports.assertLedgerLockRecorded(report);
        assertTrue(StreamSupport.stream(report.path("recording").path("sources").spliterator(), false)
                        .anyMatch(source -> source.asText().equals("async-profiler-wall")),
                () -> "cycle " + n + ": no async-profiler samples: " + report.path("recording"));
    }

    /**
     * Every session's class loader is collected: after a full GC the JVM holds none, and one loader of async-profiler's
     * module, which stays for good. The last session's may take a moment to become unreachable (its control thread has
     * just written its last marker and is ending; on a loaded machine it may not have run yet), so this asks again for
     * a few seconds.
     */
    private static void awaitNoAgentLoader(Jdk jdk, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String stats;
        do {
            jcmd(jdk, pid, "GC.run");
            stats = jcmd(jdk, pid, "VM.classloader_stats");
            if (stats.lines().noneMatch(line -> line.contains(AGENT_LOADER))) {
                String loaders = stats;
                assertTrue(loaders.lines().filter(line -> line.contains(PROFILER_LOADER)).count() <= 1,
                        () -> "async-profiler's module is defined once, not per session:\n" + loaders);
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the agent's class loader is still alive 20 s after the session ended:\n" + stats);
    }

    private static String jcmd(Jdk jdk, long pid, String command) {
        Command.Outcome outcome = Command.of(jdk.home().resolve("bin/jcmd"), pid, command)
                .timeout(Duration.ofSeconds(60)).run();
        assertEquals(0, outcome.exitCode(), outcome::describe);
        return outcome.stdout();
    }
}
