package dev.turnstile.agent.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * What putting the instrumented classes back took: how many classes were retransformed without the agent's
 * transformers, and what failed. Byte Buddy reports failed batches only to a listener, so this is one.
 */
final class ClassRestore implements AgentBuilder.RedefinitionStrategy.Listener {
    private int classes;
    private boolean everyTransformerRemoved = true;
    private final List<String> failures = new ArrayList<>();

    void transformerRemoved(boolean removed) {
        everyTransformerRemoved &= removed;
    }

    @Override
    public void onBatch(int index, List<Class<?>> batch, List<Class<?>> types) {
        classes += batch.size();
    }

    @Override
    public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable throwable,
                                                      List<Class<?>> types) {
        failures.add(batch.size() + " classes (" + throwable + ")");
        return Collections.emptyList();
    }

    @Override
    public void onComplete(int amount, List<Class<?>> types, Map<List<Class<?>>, Throwable> failures) {
    }

    /** Classes retransformed back, including any that failed. */
    int classes() {
        return classes;
    }

    /** True when every transformer was removed and every class it touched was retransformed without it. */
    boolean complete() {
        return everyTransformerRemoved && failures.isEmpty();
    }

    String problems() {
        List<String> problems = new ArrayList<>(failures);
        if (!everyTransformerRemoved) {
            problems.add(0, "a transformer was no longer installed");
        }
        return String.join("; ", problems);
    }
}
