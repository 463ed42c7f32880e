package dev.turnstile.analyzer.jfr;

import java.util.List;

/**
 * A stack trace constant, top frame first. Each is built once per chunk: events with the same stack-trace id
 * in a chunk share one object, so callers may cache what they derive from it by identity.
 */
public record JfrStackTrace(boolean truncated, List<JfrFrame> frames) {
}
