package dev.turnstile.analyzer;

/** A recording that cannot be read, with a message fit to show a user as it is (one line, no stack trace). */
public final class RecordingException extends Exception {
    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
