package dev.turnstile.analyzer.jfr;

/** A class constant, named as the JDK's RecordedClass names it: dots, not slashes. */
public record JfrClass(String name) {
}
