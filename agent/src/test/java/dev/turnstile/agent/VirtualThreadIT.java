package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Waits of virtual threads are charged to the virtual threads, not their carriers, checked against the virtual
 * sample's own measurements on the newest JDK installed (21+). The test itself may run on 17, whose
 * RecordedThread has no isVirtual(): the thread's {@code virtual} field is read by name.
 */
class VirtualThreadIT {
    private static SampleRecording recording;
    private static Recorded recorded;
    private static List<RecordedEvent> events;

    @BeforeAll
    static void record() throws Exception {
        Jdk jdk = Jdks.requireAtLeast(21);
        recording = SampleRecording.of(jdk, "virtual");
        recorded = Recorded.read(recording.file());
        events = recorded.events();
    }

    @Test
    void lockWaitsNameTheWaitingVirtualThreadsAndTheirVirtualOwners() {
        String prefix = truth("jucPrefix");
        List<RecordedEvent> waits = named("turnstile.LockWait").stream()
                .filter(e -> e.<RecordedClass>getValue("synchronizerClass").getName().startsWith(truth("jucLock") + "$"))
                .toList();
        assertFalse(waits.isEmpty(), "no lock waits recorded");
        for (RecordedEvent wait : waits) {
            assertVirtual(wait.getThread(), prefix, "waiter");
            long ownerId = wait.getLong("ownerThreadId");
            if (ownerId != 0) {
                RecordedThread owner = recorded.threads().get(ownerId);
                assertTrue(owner != null, () -> "no thread in the recording has the owner's id " + ownerId);
                assertVirtual(owner, prefix, "owner");
            }
        }
        // A wait the sample saw last a millisecond is one the agent must have seen (threshold 100 us), unless the
        // millisecond went by outside the lock's slow path (a GC pause, the OS preempting the carrier): 5 % are
        // allowed for that. The agent cannot see more than the acquisitions tryLock refused, and each wait it
        // timed lies inside one the sample timed from outside.
        long longWaits = truthLong("jucLongWaits");
        long contended = truthLong("jucContended");
        assertTrue(longWaits >= 20, () -> "too little contention to test: " + recording.truth());
        assertTrue(waits.size() >= longWaits * 95 / 100 && waits.size() <= contended,
                () -> waits.size() + " lock waits recorded, expected " + longWaits + ".." + contended);
        long recorded = totalNanos(waits);
        assertTrue(recorded <= truthLong("jucWaitNanos"),
                () -> recorded + " ns recorded, more than the " + truth("jucWaitNanos") + " ns the sample measured");
        assertTrue(recorded >= truthLong("jucWaitNanos") / 2, () -> "only " + recorded + " ns of "
                + truth("jucWaitNanos") + " ns waited were recorded");
    }

    @Test
    void monitorWaitsOfVirtualThreadsAreRecordedAndChargedToThem() {
        String prefix = truth("monitorPrefix");
        // JDK 24+ unmounts a virtual thread blocked on a monitor and records nothing; the agent records the
        // blocked periods. A JDK that records them itself (21-23, where the virtual thread pins its carrier)
        // names the virtual thread as the event's thread.
        List<RecordedEvent> blocked = named("turnstile.VirtualThreadBlocked").stream()
                .filter(e -> virtualThreadOf(e).getJavaName().startsWith(prefix))
                .toList();
        List<RecordedEvent> jdkEnters = named("jdk.JavaMonitorEnter").stream()
                .filter(e -> e.getThread() != null && e.getThread().getJavaName().startsWith(prefix))
                .toList();
        jdkEnters.forEach(e -> assertVirtual(e.getThread(), prefix, "monitor waiter"));
        for (RecordedEvent period : blocked) {
            assertVirtual(virtualThreadOf(period), prefix, "blocked thread");
            assertFalse(isVirtual(period.getThread()), "written by the agent, on a platform thread");
            String stack = period.getString("blockedAt");
            assertTrue(stack.isEmpty() || stack.startsWith("dev.turnstile.samples.VirtualSample.lambda$main$"),
                    () -> "blocked at " + stack);
            assertEquals(0, period.getLong("lost"));
        }
        // Stacks are sampled, one per 10 ms at most.
        long withStack = blocked.stream().filter(e -> !e.getString("blockedAt").isEmpty()).count();
        long phaseMillis = (long) (SampleRecording.SECONDS * 1000 / 2);
        assertTrue(withStack >= Math.min(blocked.size(), 10),
                () -> withStack + " of " + blocked.size() + " blocked periods have a stack");
        assertTrue(withStack <= phaseMillis / 10 + 5, () -> withStack + " stacks in " + phaseMillis + " ms");
        if (jdkFeature() >= 24) {
            assertTrue(jdkEnters.isEmpty(), "the JDK records these waits after all: keep only one source");
        }

        long longWaits = truthLong("monitorLongWaits");
        assertTrue(longWaits >= 20, () -> "too little contention to test: " + recording.truth());
        long count = blocked.size() + jdkEnters.size();
        long recorded = totalNanos(blocked) + totalNanos(jdkEnters);
        long measured = truthLong("monitorWaitNanos");
        // A blocked period lies inside one entry the sample timed from outside, so the recorded time cannot
        // exceed the measured; an entry woken to retry that loses the race blocks again, so there may be more
        // periods than entries, but not more than a few per millisecond waited.
        assertTrue(recorded <= measured, () -> recorded + " ns recorded, more than the " + measured + " ns measured");
        assertTrue(recorded >= measured / 2, () -> "only " + recorded + " ns of " + measured + " ns recorded");
        assertTrue(count >= longWaits / 2 && count <= 5 * (measured / 1_000_000),
                () -> count + " monitor waits recorded for " + longWaits + " entries that waited over 1 ms");
    }

    @Test
    void theJdkVirtualThreadEventsAreOn() throws Exception {
        long virtualThreads = truthLong("virtualThreads");
        assertEquals(virtualThreads, named("jdk.VirtualThreadStart").size(), "virtual thread starts");
        assertEquals(virtualThreads, named("jdk.VirtualThreadEnd").size(), "virtual thread ends");
        named("jdk.VirtualThreadStart").forEach(e -> assertTrue(isVirtual(e.getThread())));

        List<RecordedEvent> pinned = named("jdk.VirtualThreadPinned").stream()
                .filter(e -> e.getThread().getJavaName().equals(truth("pinnedThread"))).toList();
        assertEquals(1, pinned.size(), "the sleep in a class initializer pins");
        List<RecordedEvent> pinnedByAgent = named("jdk.VirtualThreadPinned").stream()
                .filter(e -> (e.getString("pinnedReason") + e.getStackTrace()).contains("dev.turnstile.agent"))
                .toList();
        assertTrue(pinnedByAgent.isEmpty(), () -> "the agent pinned a virtual thread: " + pinnedByAgent);
        Duration slept = Duration.ofMillis(truthLong("pinnedMillis"));
        assertTrue(pinned.get(0).getDuration().compareTo(slept.minusMillis(1)) >= 0, pinned.get(0)::toString);

        // Submit failures are rare by nature; the settings must have them on.
        try (JarFile jar = new JarFile(Artifacts.agentJar().toFile());
             Reader jfc = new InputStreamReader(jar.getInputStream(jar.getEntry("inst/dev/turnstile/agent/core/turnstile.jfc")),
                     StandardCharsets.UTF_8)) {
            Map<String, String> settings = Configuration.create(jfc).getSettings();
            assertEquals("true", settings.get("jdk.VirtualThreadSubmitFailed#enabled"));
            assertEquals("true", settings.get("jdk.VirtualThreadPinned#enabled"));
            assertTrue(settings.containsKey("jdk.VirtualThreadPinned#threshold"), "pinning takes the agent threshold");
        }
    }

    @Test
    void onJdk17TheSampleSaysItNeeds21() {
        Command.Outcome outcome = Command.of(Jdks.require(17).java(), "-cp", Artifacts.samplesJar(),
                "dev.turnstile.samples.SampleMain", "virtual").run();
        assertEquals(2, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.stderr().contains("needs JDK 21 or newer"), outcome::describe);
    }

    private static List<RecordedEvent> named(String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    private static RecordedThread virtualThreadOf(RecordedEvent blocked) {
        return blocked.getValue("virtualThread");
    }

    /** RecordedThread.isVirtual() exists from JDK 21 on; the field is in the recording either way. */
    private static boolean isVirtual(RecordedThread thread) {
        return thread != null && thread.hasField("virtual") && thread.getBoolean("virtual");
    }

    private static void assertVirtual(RecordedThread thread, String prefix, String role) {
        assertTrue(thread != null && thread.getJavaName().startsWith(prefix), () -> role + " " + describe(thread));
        assertTrue(isVirtual(thread), () -> role + " " + describe(thread) + " is not a virtual thread");
    }

    private static String describe(RecordedThread thread) {
        return thread == null ? "(none)" : thread.getJavaName() + " (" + thread.getJavaThreadId() + ")";
    }

    private static long totalNanos(List<RecordedEvent> events) {
        return events.stream().mapToLong(e -> e.getDuration().toNanos()).sum();
    }

    private static int jdkFeature() {
        return recording.jdk().feature();
    }

    private static String truth(String key) {
        String value = recording.truth().get(key);
        assertTrue(value != null, () -> "no truth " + key + ": " + recording.truth());
        return value;
    }

    private static long truthLong(String key) {
        return Long.parseLong(truth(key));
    }
}
