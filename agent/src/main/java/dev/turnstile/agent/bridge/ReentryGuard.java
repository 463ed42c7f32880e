package dev.turnstile.agent.bridge;

/**
 * Marks the threads that are running Turnstile's own code inside an instrumented method, so that a lock the
 * agent's code touches (directly, or through JFR or the JDK) does not call back into the agent. Without it,
 * an advice that ends up in a contended j.u.c lock recurses until the stack overflows.
 */
final class ReentryGuard {
    private static final ThreadLocal<boolean[]> INSIDE = new ThreadLocal<>() {
        @Override
        protected boolean[] initialValue() {
            return new boolean[1];
        }
    };

    private ReentryGuard() {
    }

    /** @return the thread's flag if the caller may proceed (it must then clear {@code flag[0]}), else null */
    static boolean[] tryEnter() {
        boolean[] inside = INSIDE.get();
        if (inside[0]) {
            return null;
        }
        inside[0] = true;
        return inside;
    }
}
