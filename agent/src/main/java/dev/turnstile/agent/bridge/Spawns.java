package dev.turnstile.agent.bridge;

import java.io.File;

/**
 * Called by the advice on {@code ProcessBuilder.start(Redirect[])}, the one method every spawn goes through
 * ({@code ProcessBuilder.start}, {@code Runtime.exec}, {@code ProcessBuilder.startPipeline}): {@link #begin} as
 * the spawn starts, {@link #end} when it returned a process or threw. The exception, if any, is the program's: the
 * advice lets it go on unchanged.
 */
public final class Spawns {
    /** Off until the recording runs and the processes module is installed; off again to make every hook a no-op. */
    public static volatile boolean enabled;

    private Spawns() {
    }

    /** Whether child exits can be observed in this JVM; the processes module needs it. */
    public static boolean canWatchExits() {
        return ChildExits.watchable();
    }

    /** @return the spawn being timed, or null when nothing is to be recorded */
    public static ProcessStartEvent begin() {
        if (!enabled) {
            return null;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return null;
        }
        try {
            ProcessStartEvent event = new ProcessStartEvent();
            event.spawnNanos = System.nanoTime();
            event.begin();
            return event;
        } finally {
            inside[0] = false;
        }
    }

    /**
     * @param process the child, or null when the spawn threw
     * @param failure what the spawn threw, or null
     */
    public static void end(ProcessStartEvent event, ProcessBuilder builder, Process process, Throwable failure) {
        if (event == null) {
            return;
        }
        event.end();
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            // Redacted once, here, for both events: the exit event must not keep the builder (or anything of the
            // program) alive until the child ends.
            String command = CommandLineRedactor.redact(builder.command());
            long pid = pidOf(process);
            if (event.shouldCommit()) {
                File directory = builder.directory();
                event.pid = pid;
                event.command = command;
                event.directory = directory == null ? null : CommandLineRedactor.redactText(directory.getPath());
                event.failure = failure == null ? null : CommandLineRedactor.redactText(failure.toString());
                event.commit();
            }
            if (pid >= 0) {
                ChildExits.watch(process, pid, command, event.spawnNanos);
            }
        } finally {
            inside[0] = false;
        }
    }

    private static long pidOf(Process process) {
        if (process == null) {
            return -1;
        }
        try {
            return process.pid();
        } catch (UnsupportedOperationException noPid) {
            return -1;
        }
    }
}
