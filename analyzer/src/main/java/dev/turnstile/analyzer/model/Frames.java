package dev.turnstile.analyzer.model;

import java.util.List;

/** Facts about stack frames ({@code package.Class.method:line}) that the analyzer and the reports share. */
public final class Frames {
    private static final String LOCK_IMPLEMENTATION = "java.util.concurrent.locks.";

    private Frames() {
    }

    /** Frames inside a java.util.concurrent lock's own code, between the caller of lock() and the wait. */
    public static boolean isLockImplementation(String frame) {
        return frame.startsWith(LOCK_IMPLEMENTATION);
    }

    /**
     * The frames from where the program asked for a lock it is parked or blocked on: past the lock's own code and
     * the JDK's internal parking frames ({@code jdk.internal.misc.Unsafe.park}) that a thread dump shows on top.
     */
    public static List<String> fromProgram(List<String> frames) {
        for (int i = 0; i < frames.size(); i++) {
            String frame = frames.get(i);
            if (!isLockImplementation(frame) && !frame.startsWith("jdk.internal.")) {
                return frames.subList(i, frames.size());
            }
        }
        return frames;
    }

    /**
     * The frames from the one that asked for the lock outwards: for a monitor the method holding the
     * {@code synchronized} block, for a ReentrantLock the caller of {@code lock()}.
     */
    public static List<String> fromCallSite(List<String> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (!isLockImplementation(frames.get(i))) {
                return frames.subList(i, frames.size());
            }
        }
        return frames;
    }

    /**
     * The innermost frame of the program's own code (not the JDK's): where a task was submitted, a thread started or
     * a process spawned, as the program sees it. {@code "(no stack)"} when there is none.
     */
    public static String applicationFrame(List<String> frames) {
        for (String frame : frames) {
            if (!frame.startsWith("java.") && !frame.startsWith("jdk.") && !frame.startsWith("sun.")) {
                return frame;
            }
        }
        return frames.isEmpty() ? "(no stack)" : frames.get(0);
    }
}
