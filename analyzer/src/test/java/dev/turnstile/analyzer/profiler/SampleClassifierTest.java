package dev.turnstile.analyzer.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Frames as async-profiler names them: native frames carry their library as the type. */
class SampleClassifierTest {

    @Test
    void javaFramesThatBlockNameTheirState() {
        assertEquals(HolderState.SLEEPING, SampleClassifier.classify("java.lang.Thread", "sleep0"));
        assertEquals(HolderState.SLEEPING, SampleClassifier.classify("java.lang.Thread", "sleep"));
        assertEquals(HolderState.WAITING, SampleClassifier.classify("java.lang.Object", "wait0"));
        assertEquals(HolderState.PARKED, SampleClassifier.classify("jdk.internal.misc.Unsafe", "park"));
        assertEquals(HolderState.IO, SampleClassifier.classify("sun.nio.ch.SocketDispatcher", "read0"));
        assertEquals(HolderState.IO, SampleClassifier.classify("java.io.FileInputStream", "readBytes"));
    }

    @Test
    void jvmFramesForMonitorsAndSafepoints() {
        assertEquals(HolderState.BLOCKED, SampleClassifier.classify("libjvm.so", "ObjectMonitor::enter(JavaThread*)"));
        assertEquals(HolderState.SAFEPOINT,
                SampleClassifier.classify("libjvm.so", "SafepointSynchronize::block(JavaThread*)"));
    }

    @Test
    void framesThatSayNothingLeaveTheDecisionToDeeperOnes() {
        assertNull(SampleClassifier.classify("libc.so.6", "__futex_abstimed_wait_common"));
        assertNull(SampleClassifier.classify("java.lang.Thread", "run"));
        assertNull(SampleClassifier.classify("com.example.Cache", "get"));
    }
}
