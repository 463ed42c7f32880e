package dev.turnstile.analyzer.stacks;

import dev.turnstile.analyzer.model.Frames;
import java.util.List;

/**
 * A resolved stack, innermost frame first, each frame as {@code package.Class.method:line}, with the agent's
 * own frames removed. Equal stacks are equal values, so they can be counted in maps.
 */
public record Stack(List<String> frames, boolean agentWork) {
    public static final Stack EMPTY = new Stack(List.of(), false);

    /**
     * @param agentWork true when the agent itself made the call that led here (its frames sit below the JDK's):
     *                  the agent's own work, such as starting up, not the program's
     */
    public Stack {
        frames = List.copyOf(frames);
    }

    public Stack(List<String> frames) {
        this(frames, false);
    }

    /** The frame where the program asked for the lock (see {@link Frames#fromCallSite}). */
    public String callSite() {
        List<String> fromCallSite = Frames.fromCallSite(frames);
        return fromCallSite.isEmpty() ? "(no stack)" : fromCallSite.get(0);
    }
}
