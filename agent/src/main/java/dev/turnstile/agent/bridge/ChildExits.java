package dev.turnstile.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;

/**
 * Hears of a child's exit from the JDK itself, without a thread or a task of its own.
 *
 * <p>The JDK's reaper thread waits for every child the program starts and completes a future with its exit
 * status, kept in {@code ProcessHandleImpl.completions} by pid until then. The exit event hangs off that future,
 * so it runs on the reaper thread as the exit is collected. {@code Process.onExit()} would not do: its actions
 * run asynchronously, on the common pool, or on a new thread per exit when the pool has fewer than two workers
 * (a 2-CPU machine); the program would see threads and pool tasks it never asked for.
 */
final class ChildExits {
    /**
     * Getter of {@code ProcessHandleImpl.completions}, a private field; the processes module opens java.lang to
     * the bridge before this class is first used. Null if it could not.
     */
    private static final MethodHandle PENDING_EXITS = pendingExitsGetter();

    private ChildExits() {
    }

    static boolean watchable() {
        return PENDING_EXITS != null;
    }

    /**
     * Records the child's exit when it happens. A child no longer in the JDK's table has already been reaped, so
     * its exit status is known at once.
     */
    @SuppressWarnings("unchecked")
    static void watch(Process process, long pid, String command, long spawnNanos) {
        if (PENDING_EXITS == null) {
            return;
        }
        ExitWatch watch = new ExitWatch(pid, command, spawnNanos);
        Object pending;
        try {
            pending = ((ConcurrentMap<?, ?>) PENDING_EXITS.invokeExact()).get(pid);
        } catch (Throwable unreadable) {
            return;
        }
        if (pending instanceof CompletableFuture) {
            ((CompletableFuture<Integer>) pending).whenComplete(watch);
        } else if (!process.isAlive()) {
            watch.accept(process.exitValue(), null);
        }
    }

    private static MethodHandle pendingExitsGetter() {
        try {
            // Not initialized here: its initializer sets up the reaper, which a program that never spawns never needs.
            Class<?> handles = Class.forName("java.lang.ProcessHandleImpl", false, null);
            return MethodHandles.privateLookupIn(handles, MethodHandles.lookup())
                    .findStaticGetter(handles, "completions", ConcurrentMap.class);
        } catch (Throwable notOpened) {
            return null;
        }
    }
}
