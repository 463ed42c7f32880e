package dev.turnstile.cli;

/** What the turnstile command's exit status means; scripts and CI rely on these. */
final class ExitCodes {
    static final int OK = 0;
    // 1 is reserved for gates: a rule failed.
    /** Bad usage or input: a missing, unreadable or foreign file, a command that cannot run. */
    static final int USAGE_OR_INPUT = 2;
    /** A bug in Turnstile. */
    static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
