package dev.turnstile.gate;

/**
 * Input the gate cannot judge: a rules file that does not parse or names an unknown metric, a missing or foreign
 * recording or report. Its message is one line a person can act on; the CLI shows it with exit code 2.
 */
public final class GateException extends Exception {
    private static final long serialVersionUID = 1L;

    public GateException(String message) {
        super(message);
    }

    public GateException(String message, Throwable cause) {
        super(message, cause);
    }
}
