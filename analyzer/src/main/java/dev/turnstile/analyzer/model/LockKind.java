package dev.turnstile.analyzer.model;

/** Where the analyzer saw a lock's contention. */
public enum LockKind {
    /** A {@code synchronized} monitor, from the JDK's monitor-enter events. */
    MONITOR("monitor"),
    /** A java.util.concurrent lock (ReentrantLock, read-write lock, semaphore...), from the agent's events. */
    JUC("juc");

    /** The name reports use, in text and JSON alike. */
    private final String label;

    LockKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
