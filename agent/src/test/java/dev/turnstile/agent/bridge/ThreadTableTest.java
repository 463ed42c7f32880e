package dev.turnstile.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreadTableTest {

    private static TaskCounters counters(long tid, long onCpu) {
        TaskCounters counters = new TaskCounters(0);
        counters.assign(tid, "t", onCpu, 0, 0, 0, 0);
        return counters;
    }

    @Test
    void keepsEveryLiveThreadReachableWhileEndedOnesAreForgotten() {
        ThreadTable table = new ThreadTable();
        Random random = new Random(42);
        Set<Long> live = new HashSet<>();
        long readAt = 0;
        // Rounds of threads starting and ending, with consecutive ids as the kernel gives them.
        long nextId = 1000;
        for (int round = 0; round < 50; round++) {
            readAt += 1_000;
            // A third of the threads alive ended since the last sample; the others are seen again.
            Set<Long> ended = new HashSet<>();
            for (long tid : live) {
                if (random.nextInt(3) == 0) {
                    ended.add(tid);
                } else {
                    table.touch(table.find(tid), readAt);
                }
            }
            live.removeAll(ended);
            for (int i = 0; i < 300; i++) {
                long tid = nextId++;
                int slot = table.insert(tid);
                assertTrue(slot >= 0);
                table.store(slot, counters(tid, tid), readAt);
                live.add(tid);
            }
            table.forgetNotSeenSince(readAt);
            for (long tid : live) {
                int slot = table.find(tid);
                assertTrue(slot >= 0, () -> tid + " lost");
                assertEquals(tid, table.get(slot, ThreadTable.ON_CPU), "its own values");
            }
            for (long tid : ended) {
                assertEquals(-1, table.find(tid), () -> tid + " not forgotten");
            }
        }
    }

    @Test
    void refusesThreadsBeyondItsCapacity() {
        ThreadTable table = new ThreadTable();
        for (long tid = 1; tid <= ThreadTable.CAPACITY; tid++) {
            assertTrue(table.insert(tid) >= 0);
        }
        assertEquals(-1, table.insert(ThreadTable.CAPACITY + 1L));
        assertEquals(-1, table.find(0), "no thread has id 0");
    }
}
