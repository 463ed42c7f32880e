package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.EventKind;
import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.jfr.JfrType;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each event type's facts and handlers, found once per type. The reader hands out the same {@link JfrType} for every
 * event of a type within a chunk, so an identity lookup replaces a lookup by name per event. Types belong to their
 * chunk: {@link #newChunk} forgets the last chunk's, which would otherwise keep every chunk read reachable.
 */
final class EventKinds {
    record Entry(EventKind kind, Consumer<EventView> handler) {
    }

    private final Handlers handlers;
    private final Map<JfrType, Entry> byType = new IdentityHashMap<>();
    /** Events of one type often come in runs (a thread's parks, a profiler's samples): the last type is checked first. */
    private JfrType lastType;
    private Entry lastEntry;

    EventKinds(Handlers handlers) {
        this.handlers = handlers;
    }

    void newChunk() {
        byType.clear();
        lastType = null;
        lastEntry = null;
    }

    Entry of(JfrType type) {
        if (type == lastType) {
            return lastEntry;
        }
        Entry entry = byType.get(type);
        if (entry == null) {
            entry = new Entry(new EventKind(type), handlers.get(type.name()));
            byType.put(type, entry);
        }
        lastType = type;
        lastEntry = entry;
        return entry;
    }
}
