package dev.turnstile.analyzer.stacks;

import java.util.List;

/**
 * A resolved stack, innermost frame first, each frame as {@code package.Class.method:line}, with the agent's
 * own frames removed. Equal stacks are equal values, so they can be counted in maps.
 */
public record Stack(List<String> frames) {
    public static final Stack EMPTY = new Stack(List.of());

    public Stack {
        frames = List.copyOf(frames);
    }

    /**
     * The frame where the program asked for the lock: the innermost frame that is not inside a
     * java.util.concurrent lock implementation. For a monitor that is the method holding the
     * {@code synchronized} block; for a ReentrantLock, the caller of {@code lock()}.
     */
    public String callSite() {
        for (String frame : frames) {
            if (!frame.startsWith("java.util.concurrent.locks.")) {
                return frame;
            }
        }
        return frames.isEmpty() ? "(no stack)" : frames.get(frames.size() - 1);
    }
}
