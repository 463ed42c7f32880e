package dev.turnstile.analyzer.events;

import dev.turnstile.analyzer.jfr.JfrClass;
import dev.turnstile.analyzer.jfr.JfrEvent;
import dev.turnstile.analyzer.jfr.JfrField;
import dev.turnstile.analyzer.jfr.JfrStackTrace;
import dev.turnstile.analyzer.jfr.JfrThread;

/**
 * One recorded event as the collectors read it, by field name. Where each name sits in the event is worked out once
 * per type by its {@link EventKind}; the reads themselves are array accesses.
 *
 * <p>A view belongs to one event: collectors may keep what they read from it (threads, stacks, classes), not the view,
 * as the reader reuses its events. A field the event lacks, or holds with another type, fails with
 * {@link UnreadableField}, as the JDK's parser fails with an IllegalArgumentException: the JDK's conversions are kept
 * (a long reads any integral field, a float any number; nothing reads a boolean or a string but its own getter).
 */
public final class EventView {
    private final JfrEvent event;
    private final EventKind kind;
    private final long startNanos;
    private final long endNanos;

    public EventView(JfrEvent event, EventKind kind) {
        this.event = event;
        this.kind = kind;
        this.startNanos = event.startNanos();
        this.endNanos = event.endNanos();
    }

    public EventKind kind() {
        return kind;
    }

    public String name() {
        return kind.name();
    }

    public long startNanos() {
        return startNanos;
    }

    public long endNanos() {
        return endNanos;
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }

    /** The thread that recorded the event, or null for events without one (periodic ones, for instance). */
    public JfrThread thread() {
        EventKind.Field field = kind.eventThread();
        return field.missing() ? null : event.threadAt(checked(field, field.thread()).index());
    }

    /** The event's stack trace, or null when it has none (not recorded, or not a type with stacks). */
    public JfrStackTrace stackTrace() {
        EventKind.Field field = kind.stackTrace();
        return field.missing() ? null : event.stackTraceAt(checked(field, field.stackTrace()).index());
    }

    public boolean hasField(String field) {
        return kind.hasField(field);
    }

    /** Any integral field; unsigned ones widened, as the JDK's getLong does. Ticks and timespans come raw, as there. */
    public long getLong(String name) {
        EventKind.Field field = field(name);
        return event.longAt(checked(field, integral(field.kind()) || field.kind() == JfrField.Kind.CHAR).index());
    }

    public int getInt(String name) {
        EventKind.Field field = field(name);
        JfrField.Kind k = field.kind();
        boolean fits = k == JfrField.Kind.INT || k == JfrField.Kind.SHORT || k == JfrField.Kind.BYTE
                || k == JfrField.Kind.CHAR;
        return (int) event.longAt(checked(field, fits).index());
    }

    public float getFloat(String name) {
        EventKind.Field field = field(name);
        boolean number = field.kind() == JfrField.Kind.FLOAT || integral(field.kind())
                || field.kind() == JfrField.Kind.CHAR;
        return (float) event.doubleAt(checked(field, number).index());
    }

    public boolean getBoolean(String name) {
        EventKind.Field field = field(name);
        return event.booleanAt(checked(field, field.kind() == JfrField.Kind.BOOLEAN).index());
    }

    /** A string field, or null when the event holds none. */
    public String getString(String name) {
        EventKind.Field field = field(name);
        int index = checked(field, field.string()).index();
        return field.kind() == JfrField.Kind.STRING ? event.stringAt(index)
                : event.refAt(index) instanceof String s ? s : null;
    }

    /** A thread named by a field other than the recording thread's, such as the sampled thread of a profiler. */
    public JfrThread getThread(String name) {
        EventKind.Field field = field(name);
        return event.threadAt(checked(field, field.thread()).index());
    }

    /**
     * A thread named by its Java thread id in an integral field, as the agent names a lock's owner: null for 0, the
     * thread as the recording holds it near this event, or, if it holds none with that id, a thread with the id alone.
     */
    public JfrThread getThreadById(String name) {
        long id = getLong(name);
        if (id == 0) {
            return null;
        }
        JfrThread thread = event.threadWithJavaId(id);
        return thread != null ? thread : new JfrThread(id, 0, null, null, null, false);
    }

    /** A class field, such as a monitor's class, or null when the event holds none. */
    public JfrClass getJavaClass(String name) {
        EventKind.Field field = field(name);
        return event.classAt(checked(field, field.javaClass()).index());
    }

    /** A class field's name, as lock keys name a lock's class: "(unknown class)" when the event holds none. */
    public String className(String name) {
        JfrClass type = getJavaClass(name);
        return type == null ? "(unknown class)" : type.name();
    }

    private EventKind.Field field(String name) {
        EventKind.Field field = kind.field(name);
        if (field.missing()) {
            throw new UnreadableField(kind.name(), name, "no such field");
        }
        return field;
    }

    private EventKind.Field checked(EventKind.Field field, boolean readable) {
        if (!readable || field.array()) {
            throw new UnreadableField(kind.name(), field.name(), "held as " + field.typeName()
                    + (field.array() ? "[]" : ""));
        }
        return field;
    }

    private static boolean integral(JfrField.Kind k) {
        return k == JfrField.Kind.LONG || k == JfrField.Kind.INT || k == JfrField.Kind.SHORT || k == JfrField.Kind.BYTE;
    }
}
