package dev.turnstile.analyzer.events;

/**
 * An event lacks a field its type is known to have, or holds it with another type: the file is damaged, or was written
 * by a version whose events differ. JFR's parser says so with an IllegalArgumentException, which would otherwise look
 * like a bug of the analyzer.
 */
public final class UnreadableField extends RuntimeException {
    private final String eventName;
    private final String field;

    UnreadableField(String eventName, String field, IllegalArgumentException cause) {
        super(eventName + "." + field + ": " + cause.getMessage(), cause, false, false);
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
