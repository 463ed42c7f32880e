package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.EventKind;
import dev.turnstile.analyzer.events.EventView;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.EventType;

/**
 * Each event type's facts and handlers, found once per type. JFR's parser hands out the same {@link EventType} for
 * every event of a type within a recording's metadata, so an identity lookup replaces a lookup by name per event.
 */
final class EventKinds {
    /** A file of many chunks with changing metadata could bring new types without end: start again past this. */
    private static final int MOST_TYPES_KEPT = 100_000;

    record Entry(EventKind kind, Consumer<EventView> handler) {
    }

    private final Handlers handlers;
    private final Map<EventType, Entry> byType = new IdentityHashMap<>();

    EventKinds(Handlers handlers) {
        this.handlers = handlers;
    }

    Entry of(EventType type) {
        Entry entry = byType.get(type);
        if (entry == null) {
            if (byType.size() >= MOST_TYPES_KEPT) {
                byType.clear();
            }
            entry = new Entry(new EventKind(type), handlers.get(type.getName()));
            byType.put(type, entry);
        }
        return entry;
    }
}
