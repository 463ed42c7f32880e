package dev.turnstile.analyzer.stacks;

import dev.turnstile.analyzer.events.TurnstileEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Turns JFR stack traces into {@link Stack}s. Resolving frames is the expensive part of reading a recording,
 * and the parser hands out one object per stack-trace id, so results are cached by that object's identity;
 * equal stacks are also interned, so each distinct stack is held once. The agent's own frames and lambda
 * hidden-class frames are left out.
 */
public final class StackResolver {
    /** Bounds the identity cache; a miss only costs a re-resolve. */
    private static final int MAX_CACHED = 50_000;
    /** Hidden classes that carry a lambda's body: their frame adds a generated name, nothing a reader can use. */
    private static final String LAMBDA_MARKER = "$$Lambda";

    private final Map<RecordedStackTrace, Stack> byTrace = new IdentityHashMap<>();
    private final Map<Stack, Stack> interned = new HashMap<>();

    public Stack resolve(RecordedStackTrace trace) {
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

    private static Stack stackOf(RecordedStackTrace trace) {
        List<RecordedFrame> recorded = trace.getFrames();
        List<String> frames = new ArrayList<>(recorded.size());
        boolean agentWork = false;
        for (RecordedFrame frame : recorded) {
            RecordedMethod method = frame.getMethod();
            String type = method == null || method.getType() == null ? "?" : method.getType().getName();
            if (type.startsWith(TurnstileEvents.AGENT_PACKAGE_PREFIX)) {
                // An agent frame on top is a hook reporting the program's wait; below others, the agent is the caller.
                agentWork |= !frames.isEmpty();
                continue;
            }
            if (type.contains(LAMBDA_MARKER)) {
                continue;
            }
            String name = method == null ? "?" : method.getName();
            int line = frame.getLineNumber();
            frames.add(line > 0 ? type + "." + name + ":" + line : type + "." + name);
        }
        return new Stack(frames, agentWork);
    }
}
