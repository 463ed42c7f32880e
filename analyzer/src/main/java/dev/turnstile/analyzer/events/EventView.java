package dev.turnstile.analyzer.events;

import dev.turnstile.analyzer.threads.Threads;
import java.time.Duration;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * One recorded event as the collectors read it. JFR's parser finds a field by searching the event's fields on every
 * read; with several collectors reading each event's thread and stack, those searches were most of the analyzer's
 * time. This view reads the times at once and the thread and the stack on first use, once per event, whoever asks.
 *
 * <p>A view belongs to one event: collectors may keep what they read from it, not the view. A field the event lacks,
 * or holds with another type, fails with {@link UnreadableField}.
 */
public final class EventView {
    private final RecordedEvent event;
    private final EventKind kind;
    private final long startNanos;
    private final long endNanos;
    private RecordedThread thread;
    private boolean threadRead;
    private RecordedStackTrace stackTrace;
    private boolean stackTraceRead;

    public EventView(RecordedEvent event, EventKind kind) {
        this.event = event;
        this.kind = kind;
        this.startNanos = Threads.epochNanos(event.getStartTime());
        this.endNanos = Threads.epochNanos(event.getEndTime());
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
    public RecordedThread thread() {
        if (!threadRead) {
            try {
                thread = kind.hasThread() ? event.getThread() : null;
            } catch (IllegalArgumentException e) {
                throw new UnreadableField(kind.name(), "eventThread", e);
            }
            threadRead = true;
        }
        return thread;
    }

    public RecordedStackTrace stackTrace() {
        if (!stackTraceRead) {
            try {
                stackTrace = kind.hasStackTrace() ? event.getStackTrace() : null;
            } catch (IllegalArgumentException e) {
                throw new UnreadableField(kind.name(), "stackTrace", e);
            }
            stackTraceRead = true;
        }
        return stackTrace;
    }

    public boolean hasField(String field) {
        return kind.hasField(field);
    }

    public <T> T getValue(String field) {
        try {
            return event.getValue(field);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(kind.name(), field, e);
        }
    }

    public long getLong(String field) {
        try {
            return event.getLong(field);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(kind.name(), field, e);
        }
    }

    public int getInt(String field) {
        try {
            return event.getInt(field);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(kind.name(), field, e);
        }
    }

    public float getFloat(String field) {
        try {
            return event.getFloat(field);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(kind.name(), field, e);
        }
    }

    public boolean getBoolean(String field) {
        try {
            return event.getBoolean(field);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(kind.name(), field, e);
        }
    }

    /** A thread named by a field other than the recording thread's, such as the sampled thread of a profiler. */
    public RecordedThread getThread(String field) {
        try {
            return event.getThread(field);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(kind.name(), field, e);
        }
    }

    public String getString(String field) {
        try {
            return event.getString(field);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(kind.name(), field, e);
        }
    }

    public Duration getDuration(String field) {
        try {
            return event.getDuration(field);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(kind.name(), field, e);
        }
    }
}
