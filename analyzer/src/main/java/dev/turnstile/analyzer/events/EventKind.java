package dev.turnstile.analyzer.events;

import dev.turnstile.analyzer.jfr.JfrField;
import dev.turnstile.analyzer.jfr.JfrType;
import java.util.HashMap;
import java.util.Map;

/**
 * What the analyzer needs to know about an event type, worked out once per type rather than once per event: its name,
 * who wrote it, and where each field the collectors ask for sits. Types belong to a chunk, so a kind does too.
 */
public final class EventKind {
    /**
     * Where a field sits in the event and how it is stored, with the checks its getters need worked out once:
     * {@link #MISSING} for a field the type lacks.
     */
    record Field(String name, int index, JfrField.Kind kind, boolean array, String typeName, boolean string,
                 boolean thread, boolean javaClass, boolean stackTrace) {
        static final Field MISSING = new Field(null, JfrType.NO_FIELD, null, false, null, false, false, false, false);

        static Field of(String name, int index, JfrField f) {
            boolean constant = f.kind() == JfrField.Kind.REFERENCE && !f.isArray();
            String type = f.type().name();
            return new Field(name, index, f.kind(), f.isArray(), type, holdsString(f),
                    constant && type.equals("java.lang.Thread"), constant && type.equals("java.lang.Class"),
                    constant && type.equals("jdk.types.StackTrace"));
        }

        boolean missing() {
            return index == JfrType.NO_FIELD;
        }
    }

    private final String name;
    private final boolean writtenByJdk;
    private final JfrType type;
    private final Map<String, Field> fields = new HashMap<>();
    /** Read for nearly every event, so not looked up by name each time. */
    private final Field eventThread;
    private final Field stackTrace;

    public EventKind(JfrType type) {
        this.type = type;
        this.name = type.name();
        // async-profiler's events carry no settings; every event type of the JDK's recorder has at least "enabled"
        this.writtenByJdk = type.hasSettings();
        this.eventThread = field("eventThread");
        this.stackTrace = field("stackTrace");
    }

    Field eventThread() {
        return eventThread;
    }

    Field stackTrace() {
        return stackTrace;
    }

    public String name() {
        return name;
    }

    /** False for events async-profiler appended to the file, true for those of the JDK's recorder (the agent's too). */
    public boolean writtenByJdk() {
        return writtenByJdk;
    }

    boolean hasField(String field) {
        return !field(field).missing();
    }

    /**
     * A string inline, or a constant that reads as one: a string constant, or a constant of a simple type wrapping a
     * string (async-profiler's thread states), which the JDK's parser and the reader both resolve to that string.
     */
    private static boolean holdsString(JfrField f) {
        if (f.isArray()) {
            return false;
        }
        JfrType type = f.type();
        return f.kind() == JfrField.Kind.STRING || f.kind() == JfrField.Kind.REFERENCE
                && (type.name().equals("java.lang.String")
                || type.isSimple() && type.fields().get(0).kind() == JfrField.Kind.STRING);
    }

    Field field(String field) {
        Field known = fields.get(field);
        if (known == null) {
            int index = type.field(field);
            // A field the reader did not decode (an event read for its header only) is as good as absent.
            if (index == JfrType.NO_FIELD || index >= type.fieldsRead()) {
                known = Field.MISSING;
            } else {
                known = Field.of(field, index, type.fields().get(index));
            }
            fields.put(field, known);
        }
        return known;
    }
}
