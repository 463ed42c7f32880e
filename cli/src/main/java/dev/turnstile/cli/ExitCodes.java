package dev.turnstile.cli;

/** What the turnstile command's exit status means; scripts and CI rely on these. */
final class ExitCodes {
    static final int OK = 0;
    /** A gate judged the runs and at least one rule failed. */
    static final int GATE_FAILED = 1;
    /** Bad usage or input: a missing, unreadable or foreign file, a command that cannot run. */
    static final int USAGE_OR_INPUT = 2;
    /** A bug in Turnstile. */
    static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
