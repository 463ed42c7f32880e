package dev.turnstile.gate;

/** What a metric's number means, which decides the units a limit on it may be written in. */
enum MetricKind {
    /** Nanoseconds: limits are written with a unit, {@code 50ms}. */
    DURATION,
    /** A share from 0 to 1: limits are written as a percentage, {@code 5%}, or a plain fraction. */
    SHARE,
    /** A count, rate or ratio: limits are plain numbers. */
    NUMBER
}
