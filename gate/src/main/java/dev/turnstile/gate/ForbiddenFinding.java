package dev.turnstile.gate;

/**
 * A finding that must not appear in any run: {@code TS104} anywhere, or {@code TS102} on locks whose class matches a
 * pattern.
 */
record ForbiddenFinding(String id, Selector selector) {

    String describe() {
        return "forbid " + id + (selector.patterns().isEmpty() ? "" : " (" + selector + ")");
    }
}
