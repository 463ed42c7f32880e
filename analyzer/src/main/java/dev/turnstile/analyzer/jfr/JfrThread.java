package dev.turnstile.analyzer.jfr;

/**
 * A thread constant with its values as recorded: a virtual thread has osThreadId 0 here, where the JDK's
 * RecordedThread.getOSThreadId() (21+) says -1. {@code virtual} is false where the recording has no such
 * field (before JDK 19).
 * One object per thread id and chunk, so callers may cache by identity within a chunk.
 */
public record JfrThread(long javaThreadId, long osThreadId, String javaName, String osName, String groupName,
                        boolean virtual) {
}
