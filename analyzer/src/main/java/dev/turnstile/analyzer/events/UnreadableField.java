package dev.turnstile.analyzer.events;

/**
 * An event lacks a field its type is known to have, or holds it with another type: the file is damaged, or was written
 * by a version whose events differ. {@link EventView} says so with this rather than a null or a wrong number, so the
 * event is skipped and counted instead of read wrongly.
 */
public final class UnreadableField extends RuntimeException {
    private final String eventName;
    private final String field;

    UnreadableField(String eventName, String field, String reason) {
        super(eventName + "." + field + ": " + reason, null, false, false);
        this.eventName = eventName;
        this.field = field;
    }

    public String eventName() {
        return eventName;
    }

    public String field() {
        return field;
    }
}
