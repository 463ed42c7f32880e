package dev.turnstile.analyzer.model;

/**
 * Acquisitions of every java.util.concurrent lock of one kind, from the agent's counts (turnstile.LockCounts) and
 * per-lock totals (turnstile.LockStatistics).
 *
 * @param kind                  the lock class users know, e.g. java.util.concurrent.locks.ReentrantLock (both sides of
 *                              a read-write lock together)
 * @param acquisitions          acquisitions, contended or not (close, not exact: see docs/agent.md)
 * @param contendedAcquisitions acquisitions of locks of this kind that had to wait
 * @param contentionRate        contended / acquisitions, at most 1; null without acquisitions
 */
public record LockKindStats(String kind, long acquisitions, double acquisitionsPerSecond, long contendedAcquisitions,
                            Double contentionRate) {
}
