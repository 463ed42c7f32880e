package dev.turnstile.analyzer.threads;

import dev.turnstile.analyzer.jfr.JfrThread;
import java.time.Instant;

/** Small conversions every collector needs. */
public final class Threads {
    /** Id used for events without a Java thread. */
    public static final long NO_THREAD = -1;

    private Threads() {
    }

    public static long id(JfrThread thread) {
        return thread == null ? NO_THREAD : thread.javaThreadId();
    }

    public static String name(JfrThread thread) {
        if (thread == null) {
            return "(no thread)";
        }
        String name = thread.javaName();
        if (name != null) {
            return name;
        }
        // A thread known only by its id (a lock owner of which the recording holds nothing else) has neither name.
        return thread.osName() != null ? thread.osName() : "thread id " + thread.javaThreadId();
    }

    public static long epochNanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
