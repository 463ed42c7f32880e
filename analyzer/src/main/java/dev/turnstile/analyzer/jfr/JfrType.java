package dev.turnstile.analyzer.jfr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A type declared in one chunk's metadata: an event type, or the type of a constant or inline value. Types
 * belong to their chunk (another chunk may lay the same name out differently), so look field indexes up
 * again when {@link JfrEvent#type()} returns a different object.
 */
public final class JfrType {
    /** Returned by {@link #field(String)} for a field this type does not have. */
    public static final int NO_FIELD = -1;

    private final long id;
    private final String name;
    private final String superType;
    private final boolean simple;
    private final List<JfrField> fields;
    private final boolean hasSettings;
    /** The same fields as an array: read for every field of every event, where a List's get shows up. */
    final JfrField[] fieldArray;
    private final Map<String, Integer> indexByName = new HashMap<>();
    // Filled in by the reader: which fields hold the event's times, thread and stack.
    int startTime = NO_FIELD;
    int duration = NO_FIELD;
    int eventThread = NO_FIELD;
    int stackTrace = NO_FIELD;
    /** Whether the reader returns this type's events, and how many of their leading fields it decodes. */
    boolean wanted;
    int fieldsRead;
    JfrEvent reusableEvent;

    JfrType(long id, String name, String superType, boolean simple, List<JfrField> fields, boolean hasSettings) {
        this.hasSettings = hasSettings;
        this.id = id;
        this.name = name;
        this.superType = superType;
        this.simple = simple;
        this.fields = List.copyOf(fields);
        this.fieldArray = this.fields.toArray(new JfrField[0]);
        for (int i = 0; i < this.fields.size(); i++) {
            indexByName.putIfAbsent(this.fields.get(i).name(), i);
        }
        startTime = field("startTime");
        duration = field("duration");
        eventThread = field("eventThread");
        stackTrace = field("stackTrace");
    }

    /** How a value of this type is encoded where it is stored inline (always so in its own constant pool). */
    JfrField.Kind valueKind() {
        return switch (name) {
            case "boolean" -> JfrField.Kind.BOOLEAN;
            case "byte" -> JfrField.Kind.BYTE;
            case "char" -> JfrField.Kind.CHAR;
            case "short" -> JfrField.Kind.SHORT;
            case "int" -> JfrField.Kind.INT;
            case "long" -> JfrField.Kind.LONG;
            case "float" -> JfrField.Kind.FLOAT;
            case "double" -> JfrField.Kind.DOUBLE;
            case "java.lang.String" -> JfrField.Kind.STRING;
            default -> JfrField.Kind.STRUCT;
        };
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The declared super type, e.g. "jdk.jfr.Event" for events; null when none. */
    public String superType() {
        return superType;
    }

    /** Declared simpleType: a wrapper of one field (a symbol, a frame type) whose constants read as that field. */
    public boolean isSimple() {
        return simple && fields.size() == 1;
    }

    /**
     * Whether the metadata declares settings for this type ("enabled", "threshold", ...): every event type of the
     * JDK's recorder has some, async-profiler's have none. As the JDK's EventType.getSettingDescriptors shows them.
     */
    public boolean hasSettings() {
        return hasSettings;
    }

    public List<JfrField> fields() {
        return fields;
    }

    /**
     * How many leading fields the reader decodes for an event of this type: all of them for the types asked for;
     * for the others, when the reader returns them with their header only ({@link JfrReader#openWithHeaders}), the
     * fields up to the start time, duration and thread. Fields past this count are not read.
     */
    public int fieldsRead() {
        return fieldsRead;
    }

    /** The fields up to the start time, duration and thread, whichever comes last (the JDK writes them first). */
    int headerFields() {
        return 1 + Math.max(startTime, Math.max(duration, eventThread));
    }

    /** Index of the named field for {@link JfrEvent#longAt(int)} and friends, or {@link #NO_FIELD}. */
    public int field(String fieldName) {
        Integer index = indexByName.get(fieldName);
        return index == null ? NO_FIELD : index;
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
