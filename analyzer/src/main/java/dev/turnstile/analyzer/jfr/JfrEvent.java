package dev.turnstile.analyzer.jfr;

import java.util.List;

/**
 * One event as {@link JfrReader#next()} returns it. The reader reuses one object per event type, so read what
 * you need before the next call; resolved constants (threads, stacks, classes) may be kept.
 * Field indexes come from {@link JfrType#field(String)}, looked up once per type. Only the first
 * {@link JfrType#fieldsRead()} fields are read; the others hold nothing meaningful.
 */
public final class JfrEvent {
    private final JfrType type;
    private final Chunk chunk;
    final long[] numbers;
    final Object[] objects;

    JfrEvent(JfrType type, Chunk chunk) {
        this.type = type;
        this.chunk = chunk;
        this.numbers = new long[type.fields().size()];
        this.objects = new Object[type.fields().size()];
    }

    void read() throws JfrFormatException {
        chunk.readFields(type, numbers, objects);
    }

    public JfrType type() {
        return type;
    }

    /** Start in epoch nanos; converted from ticks against the chunk's start as the JDK does. */
    public long startNanos() {
        return type.startTime == JfrType.NO_FIELD ? chunk.header.startNanos()
                : chunk.epochNanos(numbers[type.startTime]);
    }

    /** End in epoch nanos: start ticks plus duration ticks, converted (the start for an instant event). */
    public long endNanos() {
        if (type.duration == JfrType.NO_FIELD) {
            return startNanos();
        }
        long startTicks = type.startTime == JfrType.NO_FIELD ? chunk.header.startTicks() : numbers[type.startTime];
        return chunk.epochNanos(startTicks + numbers[type.duration]);
    }

    public long durationNanos() {
        return endNanos() - startNanos();
    }

    /** The thread in field "eventThread", or null. */
    public JfrThread thread() {
        return type.eventThread == JfrType.NO_FIELD ? null : threadAt(type.eventThread);
    }

    /** The stack trace in field "stackTrace", or null (not recorded or not resolvable). */
    public JfrStackTrace stackTrace() {
        return type.stackTrace == JfrType.NO_FIELD ? null : stackTraceAt(type.stackTrace);
    }

    /**
     * An integral field (boolean as 0/1, unsigned ones widened), or the key of a constant-pool field. Ticks are
     * returned raw: use {@link #startNanos()} and {@link #endNanos()} for the event's times.
     */
    public long longAt(int field) {
        return numbers[field];
    }

    /** A number field as a double; integral ones keep their sign even when unsigned, as the JDK's getDouble does. */
    public double doubleAt(int field) {
        long n = numbers[field];
        return switch (type.fields().get(field).kind()) {
            case FLOAT, DOUBLE -> Double.longBitsToDouble(n);
            case BYTE -> (byte) n;
            case SHORT -> (short) n;
            case INT -> (int) n;
            default -> n;
        };
    }

    public boolean booleanAt(int field) {
        return numbers[field] != 0;
    }

    /** A string field, or null. */
    public String stringAt(int field) {
        return objects[field] instanceof String s ? s : null;
    }

    /** A constant-pool field resolved (JfrThread, JfrStackTrace, JfrClass, JfrMethod, String, JfrObject), or null. */
    public Object refAt(int field) {
        return type.fields().get(field).kind() == JfrField.Kind.REFERENCE ? objects[field] : null;
    }

    public JfrThread threadAt(int field) {
        return objects[field] instanceof JfrThread t ? t : null;
    }

    /** The thread with this Java thread id among those the event's chunk holds (or the chunk before), or null. */
    public JfrThread threadWithJavaId(long javaThreadId) {
        return chunk.threadByJavaId(javaThreadId);
    }

    public JfrStackTrace stackTraceAt(int field) {
        return objects[field] instanceof JfrStackTrace s ? s : null;
    }

    public JfrClass classAt(int field) {
        return objects[field] instanceof JfrClass c ? c : null;
    }

    /** Any field boxed as the JDK's getValue boxes it (see {@link JfrObject}); arrays as lists. */
    public Object valueAt(int field) {
        JfrField f = type.fields().get(field);
        if (f.isArray()) {
            return objects[field];
        }
        long n = numbers[field];
        return switch (f.kind()) {
            case BOOLEAN -> n != 0;
            case BYTE -> (byte) n;
            case SHORT -> (short) n;
            case CHAR -> (char) n;
            case INT -> (int) n;
            case LONG -> n;
            case FLOAT -> (float) Double.longBitsToDouble(n);
            case DOUBLE -> Double.longBitsToDouble(n);
            case STRING, REFERENCE, STRUCT -> objects[field];
        };
    }

    /** Field names, for messages and debugging. */
    public List<JfrField> fields() {
        return type.fields();
    }

    @Override
    public String toString() {
        return type.name() + "@" + startNanos();
    }
}
