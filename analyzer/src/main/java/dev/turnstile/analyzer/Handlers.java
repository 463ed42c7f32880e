package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.EventView;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which collectors read which events, by event name. Several collectors may read one event (thread starts feed
 * the thread view and the scheduling view): registering adds a reader, it never replaces one.
 */
final class Handlers {
    private final Map<String, Consumer<EventView>> byName = new HashMap<>();

    void put(String eventName, Consumer<EventView> handler) {
        byName.merge(eventName, handler, Consumer::andThen);
    }

    /** The events some collector reads. */
    Set<String> names() {
        return byName.keySet();
    }

    Consumer<EventView> get(String eventName) {
        return byName.get(eventName);
    }
}
