package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.stacks.Stack;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void callSiteOfAReentrantLockWaitIsTheCallerOfLock() {
        Stack stack = new Stack(List.of(
                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire:725",
                "java.util.concurrent.locks.ReentrantLock.lock:322",
                "com.example.Cache.get:42",
                "com.example.Service.handle:17"));
        assertEquals("com.example.Cache.get:42", stack.callSite());
        assertEquals(List.of("com.example.Cache.get:42", "com.example.Service.handle:17"),
                Frames.fromCallSite(stack.frames()));
    }

    @Test
    void callSiteOfAMonitorWaitIsTheSynchronizedMethod() {
        assertEquals("java.util.Hashtable.put:475",
                new Stack(List.of("java.util.Hashtable.put:475", "com.example.Registry.add:9")).callSite());
    }

    @Test
    void stacksWithoutACallerSayWhatTheyAre() {
        assertEquals("(no stack)", Stack.EMPTY.callSite());
        List<String> onlyLockFrames = List.of("java.util.concurrent.locks.ReentrantLock.lock:322");
        assertEquals(onlyLockFrames, Frames.fromCallSite(onlyLockFrames));
    }
}
