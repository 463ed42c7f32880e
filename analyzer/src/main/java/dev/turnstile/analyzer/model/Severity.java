package dev.turnstile.analyzer.model;

/** How urgently a finding needs attention, most urgent first. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
