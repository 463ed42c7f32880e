package dev.turnstile.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/** What a synchronizer can tell about itself: the class users know it by, and its exclusive owner. */
final class LockOwners {
    /**
     * {@code AbstractOwnableSynchronizer.getExclusiveOwnerThread()} is protected; the agent opens
     * java.util.concurrent.locks to this class's module before the first wait is recorded. Null if it could not.
     */
    private static final MethodHandle GET_OWNER = ownerGetter();

    /** A synchronizer is usually a nested class of the lock users see (ReentrantLock$NonfairSync). */
    private static final ClassValue<Class<?>> LOCK_CLASS = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> syncClass) {
            Class<?> enclosing = syncClass.getEnclosingClass();
            return enclosing != null ? enclosing : syncClass;
        }
    };

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

    static Class<?> lockClassOf(Object sync) {
        return LOCK_CLASS.get(sync.getClass());
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
