package dev.turnstile.agent.bridge;

/**
 * Called by the advice on the contended slow path of {@code AbstractQueuedSynchronizer}: {@link #begin} when
 * a thread could not take the lock at once, {@link #end} when it has it (or gave up). The uncontended path
 * never reaches here.
 */
public final class LockWaits {
    /** Off until the recording runs and the locks module is installed; off again to make every hook a no-op. */
    public static volatile boolean enabled;

    private LockWaits() {
    }

    /** @return the event being timed, or null when nothing is to be recorded */
    public static LockWaitEvent begin(Object sync, boolean shared) {
        if (!enabled) {
            return null;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return null;
        }
        try {
            LockWaitEvent event = new LockWaitEvent();
            if (!event.isEnabled()) {
                return null;
            }
            event.begin();
            event.startNanos = System.nanoTime();
            // The owner must be read now: by the end of the wait it is this thread or someone else.
            Thread owner = LockOwners.exclusiveOwner(sync);
            event.ownerThreadId = owner == null ? 0 : owner.getId();
            event.shared = shared;
            event.lockId = System.identityHashCode(sync);
            return event;
        } finally {
            inside[0] = false;
        }
    }

    public static void end(LockWaitEvent event, Object sync, boolean acquired) {
        if (event == null) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            LockTable.add(sync, System.nanoTime() - event.startNanos);
            event.end();
            if (event.shouldCommit()) {
                event.synchronizerClass = sync.getClass();
                event.acquired = acquired;
                event.commit();
            }
        } finally {
            inside[0] = false;
        }
    }
}
