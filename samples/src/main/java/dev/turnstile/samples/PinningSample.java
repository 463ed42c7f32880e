package dev.turnstile.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Virtual threads pinned to their carriers (JDK 21+): each of eight virtual threads initializes a class of its own
 * whose static initializer sleeps 50 ms. A class initializer on the stack pins on every JDK (JEP 491 freed only
 * synchronized), so each sleep is one pinned period of at least 50 ms. The truth is the number of pinned periods
 * and their length.
 */
public final class PinningSample {
    static final long PIN_MILLIS = 50;

    private PinningSample() {
    }

    private static void sleepPinned() {
        try {
            Thread.sleep(PIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // One class per virtual thread: a class is initialized once, so each needs its own to pin.
    static final class Init0 { static { sleepPinned(); } static void touch() { } }
    static final class Init1 { static { sleepPinned(); } static void touch() { } }
    static final class Init2 { static { sleepPinned(); } static void touch() { } }
    static final class Init3 { static { sleepPinned(); } static void touch() { } }
    static final class Init4 { static { sleepPinned(); } static void touch() { } }
    static final class Init5 { static { sleepPinned(); } static void touch() { } }
    static final class Init6 { static { sleepPinned(); } static void touch() { } }
    static final class Init7 { static { sleepPinned(); } static void touch() { } }

    public static void main(String[] args) throws InterruptedException {
        if (!VirtualThreads.supported()) {
            System.err.println("pinning: needs JDK " + VirtualThreads.FIRST_FEATURE + " or newer (this JVM is "
                    + Runtime.version().feature() + ")");
            System.exit(2);
        }
        Runnable[] bodies = {Init0::touch, Init1::touch, Init2::touch, Init3::touch, Init4::touch, Init5::touch,
            Init6::touch, Init7::touch};
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            Thread thread = VirtualThreads.unstarted("pinned-" + (i + 1), bodies[i]);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        new Truth("pinning").put("pinned", bodies.length).put("pinMillis", PIN_MILLIS).print();
    }
}
