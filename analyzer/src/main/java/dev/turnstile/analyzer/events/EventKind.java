package dev.turnstile.analyzer.events;

import java.util.HashMap;
import java.util.Map;
import jdk.jfr.EventType;

/**
 * What the analyzer needs to know about an event type, worked out once per type rather than once per event: its name,
 * who wrote it, and which fields it has. JFR's parser answers {@code hasField} with a search of the type's fields.
 */
public final class EventKind {
    private final String name;
    private final boolean writtenByJdk;
    private final boolean hasThread;
    private final boolean hasStackTrace;
    private final EventType type;
    private final Map<String, Boolean> fields = new HashMap<>();

    public EventKind(EventType type) {
        this.type = type;
        this.name = type.getName();
        // async-profiler's events carry no settings; every event type of the JDK's recorder has at least "enabled"
        this.writtenByJdk = !type.getSettingDescriptors().isEmpty();
        this.hasThread = type.getField("eventThread") != null;
        this.hasStackTrace = type.getField("stackTrace") != null;
    }

    public String name() {
        return name;
    }

    /** False for events async-profiler appended to the file, true for those of the JDK's recorder (the agent's too). */
    public boolean writtenByJdk() {
        return writtenByJdk;
    }

    boolean hasThread() {
        return hasThread;
    }

    boolean hasStackTrace() {
        return hasStackTrace;
    }

    boolean hasField(String field) {
        Boolean known = fields.get(field);
        if (known == null) {
            known = type.getField(field) != null;
            fields.put(field, known);
        }
        return known;
    }
}
