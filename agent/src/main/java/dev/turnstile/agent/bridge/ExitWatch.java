package dev.turnstile.agent.bridge;

import java.util.function.BiConsumer;

/**
 * Commits the exit event of one child when the JDK's reaper collects its exit status. Holds only what the event
 * needs (no reference to the process or anything else of the program), and does nothing once the module is off
 * or no recording wants the event any more.
 */
final class ExitWatch implements BiConsumer<Integer, Throwable> {
    private final long pid;
    private final String command;
    private final long spawnNanos;

    ExitWatch(long pid, String command, long spawnNanos) {
        this.pid = pid;
        this.command = command;
        this.spawnNanos = spawnNanos;
    }

    /** Runs on the reaper thread, or on the spawning thread when the child had already ended. Never throws. */
    @Override
    public void accept(Integer exitStatus, Throwable failure) {
        if (!Spawns.enabled) {
            return;
        }
        // Null when the spawning thread runs this from inside Spawns.end, which already holds the guard.
        boolean[] inside = ReentryGuard.tryEnter();
        try {
            ProcessExitEvent event = new ProcessExitEvent();
            if (!event.isEnabled()) {
                return;
            }
            event.pid = pid;
            event.exitCode = exitStatus == null ? -1 : exitStatus;
            event.lifetime = System.nanoTime() - spawnNanos;
            event.command = command;
            event.commit();
        } catch (Throwable ignored) {
            // The reaper must go on delivering the exit to the program whatever happens here.
        } finally {
            if (inside != null) {
                inside[0] = false;
            }
        }
    }
}
