package dev.turnstile.analyzer.deadlocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnstile.analyzer.model.DeadlockReport.DeadlockedThread;
import dev.turnstile.analyzer.model.LockKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's text format for a deadlock cycle (docs/agent.md), as written by its periodic check. */
class DeadlockCollectorTest {

    @Test
    void readsEachThreadWithItsLockOwnerAndStack() {
        String text = "thread\t16\tbank-1\tBLOCKED\tcom.example.Bank$Account\t4f8863a3\t17\tbank 2\n"
                + "\tcom.example.Bank.transfer:70\n"
                + "\tcom.example.Bank$$Lambda$108/0x00007fc0801a0000.run\n"
                + "\tjava.lang.Thread.run:840\n"
                + "thread\t17\tbank 2\tWAITING\tjava.util.concurrent.locks.ReentrantLock$NonfairSync\t985d93f\t16\tbank-1\n"
                + "\tjdk.internal.misc.Unsafe.park\n"
                + "\tcom.example.Bank.transfer:80\n";
        List<DeadlockedThread> threads = DeadlockCollector.parse(text);
        assertEquals(2, threads.size());
        DeadlockedThread first = threads.get(0);
        assertEquals(16, first.threadId());
        assertEquals("bank-1", first.thread());
        assertEquals(LockKind.MONITOR, first.lockKind());
        assertEquals("com.example.Bank$Account", first.lockClass(), "a monitor keeps its own class");
        assertEquals("0x4f8863a3", first.lockId());
        assertEquals("bank 2", first.owner());
        assertEquals(List.of("com.example.Bank.transfer:70", "java.lang.Thread.run:840"), first.frames(),
                "lambda frames are left out");
        DeadlockedThread second = threads.get(1);
        assertEquals(LockKind.JUC, second.lockKind());
        assertEquals("java.util.concurrent.locks.ReentrantLock", second.lockClass(), "named after the lock, not its Sync");
        assertEquals(16, second.ownerId());
    }

    @Test
    void skipsWhatItDoesNotUnderstand() {
        assertEquals(List.of(), DeadlockCollector.parse(""));
        assertEquals(List.of(), DeadlockCollector.parse("thread\tonly\ttwo\n\tframe:1\n"));
        assertEquals(1, DeadlockCollector.parse("something new\nthread\t1\ta\tBLOCKED\tX\t1\t2\tb\n").size());
    }
}
