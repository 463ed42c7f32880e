package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * Threads that wait for each other in a cycle, as the agent's deadlock check found them (turnstile.Deadlock).
 *
 * @param detectedOffsetNanos when the check found it, from the start of the recording's window (the cycle formed
 *                            up to a second earlier)
 * @param stuckNanos          from detection to the end of the recording: every thread of the cycle was stuck at least
 *                            this long
 * @param cycleSize           threads in the cycle (the agent describes at most 16 of them)
 * @param threads             each thread, the lock it waits for and who holds it, in the order of the cycle
 */
public record DeadlockReport(long detectedOffsetNanos, long stuckNanos, int cycleSize, List<DeadlockedThread> threads) {
    public DeadlockReport {
        threads = List.copyOf(threads);
    }

    /**
     * @param lockKind  monitor for {@code synchronized}, juc for a java.util.concurrent lock (a thread parked rather
     *                  than blocked)
     * @param lockClass the lock as users know it (ReentrantLock rather than its Sync)
     * @param lockId    the lock's identity hash, hexadecimal (the JVM's, not a monitor address)
     * @param frames    its stack, innermost first
     */
    public record DeadlockedThread(long threadId, String thread, String state, LockKind lockKind, String lockClass,
                                   String lockId, long ownerId, String owner, List<String> frames) {
        public DeadlockedThread {
            frames = List.copyOf(frames);
        }
    }
}
