package dev.turnstile.analyzer.stacks;

import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.jfr.JfrFrame;
import dev.turnstile.analyzer.jfr.JfrStackTrace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JFR stack traces into {@link Stack}s. Resolving frames is the expensive part of reading a recording,
 * and the reader hands out one object per stack-trace id and chunk, so results are cached by that object's identity
 * (the records' value equality would compare every frame);
 * equal stacks are also interned, so each distinct stack is held once. The agent's own frames and lambda
 * hidden-class frames are left out.
 */
public final class StackResolver {
    /** Bounds the identity cache within a chunk; a miss only costs a re-resolve. */
    private static final int MAX_CACHED = 50_000;
    /** Hidden classes that carry a lambda's body: their frame adds a generated name, nothing a reader can use. */
    private static final String LAMBDA_MARKER = "$$Lambda";

    private final Map<JfrStackTrace, Stack> byTrace = new IdentityHashMap<>();
    private final Map<Stack, Stack> interned = new HashMap<>();

    /**
     * A new chunk's stack traces are new objects: the cached ones of the chunk before would only hold its frames in
     * memory (36 MB of them at 400 MB of a monitor-heavy recording). The interned stacks stay.
     */
    public void newChunk() {
        byTrace.clear();
    }

    public Stack resolve(JfrStackTrace trace) {
        if (trace == null) {
            return Stack.EMPTY;
        }
        Stack cached = byTrace.get(trace);
        if (cached != null) {
            return cached;
        }
        Stack stack = interned.computeIfAbsent(stackOf(trace), s -> s);
        if (byTrace.size() >= MAX_CACHED) {
            byTrace.clear();
        }
        byTrace.put(trace, stack);
        return stack;
    }

    private static Stack stackOf(JfrStackTrace trace) {
        List<JfrFrame> recorded = trace.frames();
        List<String> frames = new ArrayList<>(recorded.size());
        boolean agentWork = false;
        for (JfrFrame frame : recorded) {
            String type = frame.className() == null ? "?" : frame.className();
            if (type.startsWith(TurnstileEvents.AGENT_PACKAGE_PREFIX)) {
                // An agent frame on top is a hook reporting the program's wait; below others, the agent is the caller.
                agentWork |= !frames.isEmpty();
                continue;
            }
            if (type.contains(LAMBDA_MARKER)) {
                continue;
            }
            String name = frame.method() == null ? "?" : frame.methodName();
            int line = frame.lineNumber();
            frames.add(line > 0 ? type + "." + name + ":" + line : type + "." + name);
        }
        return new Stack(frames, agentWork);
    }
}
