package dev.turnstile.agent.bridge;

/**
 * Process-wide state of the agent, held by the boot loader so every agent load in this JVM sees the same. Each
 * hook class has its own switch, turned on by its instrumentation module.
 */
public final class Bridge {
    /**
     * Version of the {@code turnstile.*} event names and fields. Raise it when a field changes meaning or
     * disappears; adding an event or a field does not need it.
     */
    public static final int SCHEMA_VERSION = 2; // 2: turnstile.LockWait's owner became ownerThreadId

    private static boolean started;

    private Bridge() {
    }

    /** @return true for the first caller in this JVM, false if an agent already started here */
    public static synchronized boolean claimStart() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    /**
     * Ends the session {@link #claimStart} began, for an agent that detaches ({@code turnstile attach}). Call it
     * once the hooks are off and the instrumented classes restored. The tables forget what they hold, so that
     * nothing of the program stays referenced (a task that never started, a blocked virtual thread) and the next
     * session's totals start from zero; then, if every class is back as it was, a later agent load may start again.
     */
    public static synchronized void endSession(boolean classesRestored) {
        LockTable.clear();
        LockCounts.clear();
        ExecutorTable.clear();
        PendingTasks.clear();
        VirtualThreadBlocks.clear();
        // Advice left in a class would still call the bridge: a new session's advice on top would count twice.
        started = !classesRestored;
    }
}
