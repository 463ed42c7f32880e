package dev.turnstile.analyzer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Which collectors read which events, by event name. Several collectors may read one event (thread starts feed
 * the thread view and the scheduling view): registering adds a reader, it never replaces one.
 */
final class Handlers {
    private final Map<String, Consumer<RecordedEvent>> byName = new HashMap<>();

    void put(String eventName, Consumer<RecordedEvent> handler) {
        byName.merge(eventName, handler, Consumer::andThen);
    }

    Consumer<RecordedEvent> get(String eventName) {
        return byName.get(eventName);
    }
}
