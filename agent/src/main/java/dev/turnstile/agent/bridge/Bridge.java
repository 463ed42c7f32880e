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
    public static final int SCHEMA_VERSION = 1;

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
}
