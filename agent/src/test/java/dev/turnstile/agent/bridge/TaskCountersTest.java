package dev.turnstile.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads this test thread's own counters from the real /proc (Linux only). */
class TaskCountersTest {
    private static final Path OWN_TASK = Path.of("/proc/thread-self");

    @Test
    void readsTheThreadsOwnCountersAndNameFromProc() throws Exception {
        assumeTrue(Files.isDirectory(OWN_TASK), "Linux /proc only");
        String kernelName = "counters-test";
        long[] tid = new long[1];
        // A tiny buffer, so that reading status makes it grow.
        TaskCounters counters = new TaskCounters(16);
        boolean[] read = new boolean[1];
        Thread reader = new Thread(() -> {
            // 20 ms on a CPU, so there is something to count.
            long deadline = System.nanoTime() + 20_000_000;
            while (System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            read[0] = counters.read(OWN_TASK + "/");
            try {
                // /proc/thread-self links to <pid>/task/<tid>
                tid[0] = Long.parseLong(Files.readSymbolicLink(OWN_TASK).getFileName().toString());
            } catch (Exception e) {
                tid[0] = -1;
            }
        }, kernelName);
        reader.start();
        reader.join();
        assertTrue(read[0], "read");
        assertEquals(tid[0], counters.tid);
        assertEquals(kernelName, counters.name());
        assertTrue(counters.onCpuNanos > 0, "it ran");
        assertTrue(counters.timeslices >= 1);
        assertTrue(counters.voluntarySwitches >= 0 && counters.involuntarySwitches >= 0);
    }

    @Test
    void aThreadThatIsGoneDoesNotRead() {
        assertFalse(new TaskCounters(64).read("/proc/self/task/0/"));
    }
}
