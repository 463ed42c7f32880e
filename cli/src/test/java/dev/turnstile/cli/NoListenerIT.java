package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.ProcessSockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Turnstile opens nothing that others could connect or send to, on JDK 17 and 25: neither a program run under it
 * with the defaults (async-profiler sampling wall clock and CPU, the scheduler sampler, the HTML report at the end)
 * nor a JVM it attached to. While everything records, the target's own sockets are read from /proc (TCP and UDP over
 * IPv4 and IPv6, and unix sockets) several times; ProcessSocketsTest shows the same reading finds real listeners.
 *
 * <p>The agent has no option that opens a listener: async-profiler's one (its HTTP {@code server=}) cannot be reached
 * through the agent's options (AgentOptionsTest), and an attached agent is stopped through files in a private
 * directory (docs/attach.md). Should any of that change, the listener would show up here.
 */
class NoListenerIT {
    private static final int LOOKS = 5;
    private static final long LOOK_APART_MILLIS = 400;

    @BeforeAll
    static void linuxOnly() {
        Assumptions.assumeTrue(ProcessSockets.available(), "no /proc socket tables here (not Linux)");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aProgramRunWithTheDefaultsListensNowhere(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path dir = Files.createTempDirectory(Artifacts.outputDirectory(), "no-listener-run");
        List<String> turnstileRun = List.of(Jdks.require(17).java().toString(), "-jar", Artifacts.cliJar().toString(),
                "run", "-o", dir.toString(), "--");
        try (ServiceProcess service = ServiceProcess.start(jdk, turnstileRun)) {
            awaitProfiler(service.pid());
            assertNothingAccepts(service.pid(), socket -> false);
            service.exit();
            assertEquals(0, service.awaitWrapper(Duration.ofMinutes(2)), service::stderr);
        }
        Path recording;
        try (var files = Files.list(dir)) {
            recording = files.filter(p -> p.toString().endsWith(".jfr")).findFirst().orElseThrow();
        }
        assertTrue(Files.isRegularFile(Reporting.htmlNextTo(recording)), "the HTML report was written");
        assertEverythingRan(recording);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void anAttachedJvmListensOnlyForTheJdksOwnAttachMechanism(int feature) throws Exception {
        Assumptions.assumeTrue(BackgroundAttach.canResetInterrupt(), "this system's env cannot reset SIGINT");
        Jdk jdk = Jdks.require(feature);
        try (ServiceProcess service = ServiceProcess.start(jdk);
             BackgroundAttach attach = BackgroundAttach.start(service.pid())) {
            attach.awaitRecording();
            awaitProfiler(service.pid());
            // The JDK's attach mechanism, which turnstile attach (like jcmd) uses to load the agent: on Linux the
            // target JVM listens on a unix socket, /tmp/.java_pid<PID>, for local processes of the same user, and
            // keeps it open from the first attach on. The kernel lists it under the name it was bound to,
            // .java_pid<PID>.tmp, which the JVM then renames. That one, and only that one, is not Turnstile's.
            Set<String> attachListener = Set.of(".java_pid" + service.pid(), ".java_pid" + service.pid() + ".tmp");
            Predicate<ProcessSockets.Socket> jdkAttach = socket -> socket.table().equals("unix")
                    && Path.of(socket.path()).getFileName() != null
                    && attachListener.contains(Path.of(socket.path()).getFileName().toString());
            assertTrue(ProcessSockets.acceptingFromOthers(service.pid()).stream().anyMatch(jdkAttach),
                    () -> "control: the JDK's attach listener is seen: " + ProcessSockets.of(service.pid()));
            assertNothingAccepts(service.pid(), jdkAttach);
            attach.interrupt();
            Command.Outcome outcome = attach.finish();
            assertEquals(0, outcome.exitCode(), outcome::describe);
            assertEverythingRan(Turnstile.keptRecording(outcome));
        }
    }

    /** async-profiler is loaded (its library mapped) once the agent has started it: everything is running then. */
    private static void awaitProfiler(long pid) throws Exception {
        Path maps = Path.of("/proc", String.valueOf(pid), "maps");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.readString(maps).contains("libasyncProfiler.so")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("async-profiler was never loaded into JVM " + pid);
    }

    /** Looks several times, over longer than the scheduler sampler's period, so every part has had its turn. */
    private static void assertNothingAccepts(long pid, Predicate<ProcessSockets.Socket> notTurnstiles)
            throws InterruptedException, IOException {
        for (int look = 0; look < LOOKS; look++) {
            List<ProcessSockets.Socket> accepting = new ArrayList<>(ProcessSockets.acceptingFromOthers(pid));
            accepting.removeIf(notTurnstiles);
            assertEquals(List.of(), accepting, "sockets others can reach, look " + (look + 1));
            Thread.sleep(LOOK_APART_MILLIS);
        }
    }

    /** The recording says the defaults ran: async-profiler started and the scheduler counters were sampled. */
    private static void assertEverythingRan(Path recording) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        RecordedEvent profiler = single(events, "turnstile.ProfilerStart");
        assertTrue(profiler.getBoolean("started"), profiler::toString);
        assertEquals("wall=20ms,cpu=10ms", profiler.getString("modes"));
        assertEquals("on", single(events, "turnstile.AgentStart").getString("schedulerCounters"));
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("turnstile.ThreadScheduling")),
                "the scheduler sampler wrote its counters");
    }

    private static RecordedEvent single(List<RecordedEvent> events, String name) {
        List<RecordedEvent> named = events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
        assertEquals(1, named.size(), name + ": " + named);
        return named.get(0);
    }
}
