package dev.turnstile.agent.standin;

import java.util.function.Consumer;

/**
 * Stands in for the agent in a test recording: its package is the agent's, so a wait it causes in JDK code looks
 * like the agent's own work. (The analyzer never uses the agent; this class only borrows its package name.)
 */
public final class AgentLikeCaller {
    private AgentLikeCaller() {
    }

    public static void call(Consumer<Object> jdkCode, Object target) {
        jdkCode.accept(target);
    }
}
