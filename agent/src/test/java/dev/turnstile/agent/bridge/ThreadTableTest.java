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
            table.forget(readAt, readAt);
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
    void forgetsEndedThreadsNotSeenSinceTheirEndAndKeepsTheOthersAWhile() {
        ThreadTable table = new ThreadTable();
        int alive = table.insert(1);
        table.store(alive, counters(1, 1), 100);
        int ended = table.insert(2);
        table.store(ended, counters(2, 2), 100);
        table.markEnded(ended);
        int endedButListed = table.insert(3);
        table.store(endedButListed, counters(3, 3), 100);
        table.markEnded(endedButListed);
        table.touch(endedButListed, 200);
        // A sample that began at 150 saw thread 3 still finishing, not thread 2; thread 1 gets another chance.
        table.forget(50, 150);
        assertTrue(table.find(1) >= 0);
        assertEquals(-1, table.find(2));
        assertTrue(table.find(3) >= 0);
        table.forget(150, 250);
        assertEquals(-1, table.find(1));
        assertEquals(-1, table.find(3));
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
