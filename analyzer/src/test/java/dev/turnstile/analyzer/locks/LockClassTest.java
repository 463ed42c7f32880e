package dev.turnstile.analyzer.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LockClassTest {

    @Test
    void aNestedSynchronizerStandsForItsEnclosingClass() {
        assertEquals("java.util.concurrent.locks.ReentrantLock",
                LockCollector.lockClassOf("java.util.concurrent.locks.ReentrantLock$NonfairSync"));
        assertEquals("java.util.concurrent.ThreadPoolExecutor",
                LockCollector.lockClassOf("java.util.concurrent.ThreadPoolExecutor$Worker"));
        assertEquals("com.example.Outer", LockCollector.lockClassOf("com.example.Outer$Inner$Sync"));
    }

    @Test
    void aTopLevelSynchronizerIsTheLockItself() {
        assertEquals("com.example.Mutex", LockCollector.lockClassOf("com.example.Mutex"));
    }
}
