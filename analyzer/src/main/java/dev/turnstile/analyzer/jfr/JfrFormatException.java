package dev.turnstile.analyzer.jfr;

import java.io.IOException;

/** A recording that is cut short or malformed: says what was wrong and at which byte of the file. */
public final class JfrFormatException extends IOException {
    private final long offset;

    public JfrFormatException(String what, long offset) {
        super(what + " at byte " + offset);
        this.offset = offset;
    }

    /** Byte offset in the file where reading went wrong. */
    public long offset() {
        return offset;
    }
}
