package dev.turnstile.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a program runs under turnstile, Ctrl-C (SIGINT) must stop the program but not turnstile, which still
 * has a recording to analyze. A terminal sends SIGINT to both; a SIGINT sent to turnstile alone is passed on
 * to the program as a request to stop (SIGTERM), which lets it write its recording.
 */
final class InterruptForwarding {
    private InterruptForwarding() {
    }

    /** @return what restores the previous SIGINT handling */
    static Runnable to(Process program) {
        return onInterrupt(program::destroy);
    }

    /**
     * Runs {@code action} on Ctrl-C instead of ending turnstile: {@code turnstile attach} then stops recording,
     * detaches and still reports.
     *
     * @return what restores the previous SIGINT handling
     */
    @SuppressWarnings("restriction")
    static Runnable onInterrupt(Runnable action) {
        try {
            Signal interrupt = new Signal("INT");
            SignalHandler previous = Signal.handle(interrupt, signal -> action.run());
            return () -> Signal.handle(interrupt, previous);
        } catch (RuntimeException | LinkageError unsupported) {
            // No SIGINT on this platform, or the JVM runs with -Xrs: Ctrl-C keeps its default meaning.
            return () -> { };
        }
    }
}
