package dev.turnstile.agent.bridge;

/** Called around Condition.await: the whole wait for a signal, as one event. */
public final class ConditionWaits {
    private ConditionWaits() {
    }

    /** @return the event being timed, or null when nothing is to be recorded */
    public static ConditionWaitEvent begin(Object sync) {
        if (!LockWaits.enabled) {
            return null;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return null;
        }
        try {
            ConditionWaitEvent event = new ConditionWaitEvent();
            if (!event.isEnabled()) {
                return null;
            }
            event.begin();
            return event;
        } finally {
            inside[0] = false;
        }
    }

    /** @param timedOut true when a timed await returned because its time ran out, not because of a signal */
    public static void end(ConditionWaitEvent event, Object sync, boolean timedOut) {
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
                event.lockId = System.identityHashCode(sync);
                event.synchronizerClass = sync.getClass();
                event.timedOut = timedOut;
                event.commit();
            }
        } finally {
            inside[0] = false;
        }
    }
}
