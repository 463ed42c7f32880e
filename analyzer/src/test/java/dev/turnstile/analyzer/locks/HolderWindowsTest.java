package dev.turnstile.analyzer.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.profiler.HolderState;
import dev.turnstile.analyzer.profiler.WallSamples;
import org.junit.jupiter.api.Test;

/** Waits and holder samples built by hand, so which samples fall in which window is known. */
class HolderWindowsTest {
    private static final long HOLDER_A = 101;
    private static final long HOLDER_B = 102;

    /** Holder A runs from 0 to 10 and sleeps from 10 to 40; holder B runs from 40 on. One sample a unit. */
    private static WallSamples samples() {
        WallSamples samples = new WallSamples();
        for (long t = 0; t < 100; t++) {
            samples.add(HOLDER_A, t, t < 10 ? HolderState.RUNNING : HolderState.SLEEPING);
            samples.add(HOLDER_B, t, HolderState.RUNNING);
        }
        return samples;
    }

    @Test
    void aMonitorWaitBelongsToItsPreviousOwnerFromThatOwnersAcquisition() {
        HolderWindows windows = new HolderWindows(LockKind.MONITOR);
        // A waited 0..0 (acquired at 0, uncontended in effect); a waiter queued 0..40 behind A, released by A at 40
        windows.addAcquisition(0);
        windows.addAcquisition(40);
        windows.addWait(0, 40, HOLDER_A);
        // B acquired at 40; a second waiter queued 20..60 and got it from B: only 40..60 is B's
        windows.addAcquisition(60);
        windows.addWait(20, 60, HOLDER_B);
        HolderStates states = windows.states(samples());
        // A: samples 0..40 (41 samples: 10 running, 31 sleeping); B: 40..60 (21 running)
        assertEquals(62, states.samples());
        assertEquals(31.0 / 62, states.share("sleeping"), 1e-9);
        assertEquals(31.0 / 62, states.share("running"), 1e-9);
    }

    @Test
    void aJucWaitBelongsToTheOwnerUntilTheNextAcquisition() {
        HolderWindows windows = new HolderWindows(LockKind.JUC);
        windows.addWait(10, 80, HOLDER_A); // A owned it at 10; someone else acquired at 40
        windows.addAcquisition(40);
        windows.addAcquisition(80);
        HolderStates states = windows.states(samples());
        assertEquals(31, states.samples()); // 10..40: all sleeping
        assertEquals(1.0, states.share("sleeping"), 1e-9);
        assertEquals("sleeping", states.mainNotRunning());
    }

    @Test
    void noSampleOfTheHolderMeansUnknown() {
        HolderWindows windows = new HolderWindows(LockKind.JUC);
        windows.addWait(10, 20, 999);
        windows.addAcquisition(20);
        assertNull(windows.states(samples()));
    }
}
