package dev.turnstile.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/** Who holds a synchronizer exclusively, read through a method the JDK keeps protected. */
final class LockOwners {
    /**
     * {@code AbstractOwnableSynchronizer.getExclusiveOwnerThread()} is protected; the agent opens
     * java.util.concurrent.locks to this class's module before the first wait is recorded. Null if it could not.
     */
    private static final MethodHandle GET_OWNER = ownerGetter();

    private LockOwners() {
    }

    static Thread exclusiveOwner(Object sync) {
        if (GET_OWNER == null || !(sync instanceof AbstractOwnableSynchronizer)) {
            return null;
        }
        try {
            return (Thread) GET_OWNER.invokeExact((AbstractOwnableSynchronizer) sync);
        } catch (Throwable unavailable) {
            return null;
        }
    }

    private static MethodHandle ownerGetter() {
        try {
            return MethodHandles.privateLookupIn(AbstractOwnableSynchronizer.class, MethodHandles.lookup())
                    .findVirtual(AbstractOwnableSynchronizer.class, "getExclusiveOwnerThread",
                            MethodType.methodType(Thread.class));
        } catch (Throwable notOpened) {
            return null;
        }
    }
}
