package dev.turnstile.analyzer.jfr;

/** A method constant: its declaring class (may be null), name and descriptor. */
public record JfrMethod(JfrClass declaringClass, String name, String descriptor) {
}
