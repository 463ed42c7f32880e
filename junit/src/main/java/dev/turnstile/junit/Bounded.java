package dev.turnstile.junit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the extension's slow steps (starting and stopping JFR, writing the recording, analyzing it) with a deadline, so
 * a stuck step fails its test instead of hanging the build. The step runs on a daemon thread, which is interrupted and
 * left behind if it overruns.
 */
final class Bounded {
    /** System property: seconds each step may take (default 60). */
    static final String TIMEOUT_PROPERTY = "turnstile.junit.timeout";
    private static final long DEFAULT_SECONDS = 60;

    private static final ExecutorService STEPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "turnstile-junit-step");
        thread.setDaemon(true);
        return thread;
    });

    private Bounded() {
    }

    static Duration timeout() {
        String value = System.getProperty(TIMEOUT_PROPERTY);
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalStateException("Turnstile: -D" + TIMEOUT_PROPERTY + "=" + value
                + " is not a whole number of seconds above 0");
    }

    /**
     * @param what the step, for the message: "writing the recording"
     * @throws IllegalStateException when the step overran, failed or was interrupted; the message says which
     */
    static <T> T call(String what, Duration timeout, Callable<T> step) {
        Future<T> future = STEPS.submit(step);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("Turnstile: " + what + " did not finish within " + timeout.toSeconds()
                    + " s (set -D" + TIMEOUT_PROPERTY + "=SECONDS to allow more)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException stated && stated.getMessage() != null
                    && stated.getMessage().startsWith("Turnstile: ")) {
                throw stated;
            }
            throw new IllegalStateException("Turnstile: " + what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Turnstile: interrupted while " + what, e);
        }
    }
}
