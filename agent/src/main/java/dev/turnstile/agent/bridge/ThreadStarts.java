package dev.turnstile.agent.bridge;

/**
 * Called by the advice around {@code Thread.start}: {@link #begin} before the JDK creates the thread,
 * {@link #end} once it runs (or the start failed). Every start is recorded with its stack, with no threshold:
 * a start costs tens of microseconds, the stack one or two, so even a program that starts thousands of threads
 * a second pays a few percent of what the starts themselves cost.
 */
public final class ThreadStarts {
    /** Off until the recording runs and the threads module is installed. */
    public static volatile boolean enabled;

    private ThreadStarts() {
    }

    /** @return the event being timed, or null when nothing is to be recorded */
    public static ThreadStartEvent begin() {
        if (!enabled) {
            return null;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return null;
        }
        try {
            ThreadStartEvent event = new ThreadStartEvent();
            if (!event.isEnabled()) {
                return null;
            }
            event.begin();
            return event;
        } finally {
            inside[0] = false;
        }
    }

    public static void end(ThreadStartEvent event, Thread thread, boolean started) {
        if (event == null) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            event.end();
            if (event.shouldCommit()) {
                event.startedThread = thread;
                // getName() is final: no code of the program runs here.
                event.startedThreadName = thread.getName();
                event.started = started;
                event.commit();
            }
        } finally {
            inside[0] = false;
        }
    }
}
