package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * One distinct stack and how much it weighs.
 *
 * @param frames innermost first, each {@code package.Class.method:line}, agent frames removed
 * @param count  events with this stack
 * @param nanos  time those events account for
 */
public record StackSummary(List<String> frames, long count, long nanos) {
    public StackSummary {
        frames = List.copyOf(frames);
    }
}
