/**
 * The bridge: the few classes that instrumented JDK code calls, appended once to the boot class path so that
 * advice inlined into {@code java.base} can link to them. Only JDK types are used here; nothing in this
 * package may take a lock, log, or throw into the caller. Everything else of the agent lives in an isolated
 * class loader and reaches the program only through these classes.
 */
package dev.turnstile.agent.bridge;
