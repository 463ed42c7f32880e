package dev.turnstile.analyzer.threads;

import java.time.Instant;
import jdk.jfr.consumer.RecordedThread;

/** Small conversions every collector needs. */
public final class Threads {
    /** Id used for events without a Java thread. */
    public static final long NO_THREAD = -1;

    private Threads() {
    }

    public static long id(RecordedThread thread) {
        return thread == null ? NO_THREAD : thread.getJavaThreadId();
    }

    public static String name(RecordedThread thread) {
        if (thread == null) {
            return "(no thread)";
        }
        String name = thread.getJavaName();
        return name != null ? name : thread.getOSName();
    }

    public static long epochNanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
