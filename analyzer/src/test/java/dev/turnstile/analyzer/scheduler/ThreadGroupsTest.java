package dev.turnstile.analyzer.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadGroupsTest {

    @Test
    void wildcardsTheLastNumberOnly() {
        assertEquals("pool-1-thread-*", ThreadGroups.groupOf("pool-1-thread-12"));
        assertEquals("pool-2-thread-*", ThreadGroups.groupOf("pool-2-thread-1"));
        assertEquals("http-nio-8080-exec-*", ThreadGroups.groupOf("http-nio-8080-exec-10"));
        assertEquals("ForkJoinPool.commonPool-worker-*", ThreadGroups.groupOf("ForkJoinPool.commonPool-worker-3"));
        assertEquals("GC Thread#*", ThreadGroups.groupOf("GC Thread#0"));
        assertEquals("C2 CompilerThread*", ThreadGroups.groupOf("C2 CompilerThread0"));
        assertEquals("worker-*-b", ThreadGroups.groupOf("worker-7-b"));
        assertEquals("main", ThreadGroups.groupOf("main"));
        assertEquals("", ThreadGroups.groupOf(""));
    }
}
