package dev.turnstile.cli;

/** Something the user can fix; its message is shown as one line, without a stack trace, with exit code 2. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
