package dev.turnstile.analyzer.model;

/** A thread (by name) and how often it was seen in some role. */
public record ThreadCount(String thread, long count) {
}
