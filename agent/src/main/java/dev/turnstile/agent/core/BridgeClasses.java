package dev.turnstile.agent.core;

/**
 * Runs the static initializers of bridge classes on the agent's own thread, before any hook is switched on.
 * Otherwise the first program thread to reach a hook runs them, and every other thread reaching it meanwhile
 * waits; a virtual thread waiting for a class initializer pins its carrier.
 *
 * <p>Call it only once the recording runs: a JFR event class registers itself from its static initializer,
 * and doing that while the recording thread registers the same class deadlocks the two threads.
 */
public final class BridgeClasses {
    private static final String PACKAGE = "dev.turnstile.agent.bridge.";

    private BridgeClasses() {
    }

    /** @param simpleNames classes of the bridge package, public or not */
    public static void initialize(String... simpleNames) {
        for (String name : simpleNames) {
            try {
                Class.forName(PACKAGE + name, true, null);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the agent jar lacks " + PACKAGE + name, e);
            }
        }
    }
}
