package dev.turnstile.analyzer.scheduler;

/**
 * Which state a park is: the JDK's park event names only the class of the object parked on (the "blocker"), and one
 * park event serves lock contention, waits for a signal and idle pool workers alike.
 */
final class WaitKinds {
    private static final String CONCURRENT = "java.util.concurrent.";
    private static final String LOCKS = "java.util.concurrent.locks.";

    private WaitKinds() {
    }

    /** @param blockerClass the parked-on class, or null when the park had no blocker */
    static OffCpuState ofPark(String blockerClass) {
        if (blockerClass == null) {
            return OffCpuState.PARKED;
        }
        if (isLock(blockerClass)) {
            return OffCpuState.BLOCKED;
        }
        if (isSignalOrQueue(blockerClass)) {
            return OffCpuState.WAITING;
        }
        return OffCpuState.PARKED;
    }

    /** A synchronizer that threads queue on to acquire something: contention. */
    static boolean isLock(String synchronizerClass) {
        return synchronizerClass.startsWith(LOCKS + "ReentrantLock")
                || synchronizerClass.startsWith(LOCKS + "ReentrantReadWriteLock")
                || synchronizerClass.startsWith(LOCKS + "StampedLock")
                || synchronizerClass.startsWith(CONCURRENT + "Semaphore");
    }

    /**
     * Waiting for a signal or for work: conditions (blocking queues and idle ThreadPoolExecutor workers wait on one),
     * latches, barriers, phasers, exchangers, hand-off queues, and ForkJoinPool workers with nothing to do.
     */
    static boolean isSignalOrQueue(String blockerClass) {
        return blockerClass.endsWith("$ConditionObject")
                || blockerClass.startsWith(CONCURRENT + "CountDownLatch")
                || blockerClass.startsWith(CONCURRENT + "CyclicBarrier")
                || blockerClass.startsWith(CONCURRENT + "Phaser")
                || blockerClass.startsWith(CONCURRENT + "Exchanger")
                || blockerClass.startsWith(CONCURRENT + "ForkJoinPool")
                || (blockerClass.startsWith(CONCURRENT) && (blockerClass.contains("Queue")
                        || blockerClass.contains("Transfer")));
    }

    /** An agent lock wait: a CountDownLatch is waited on for a signal, the rest are locks. */
    static OffCpuState ofLockWait(String synchronizerClass) {
        return synchronizerClass != null && synchronizerClass.startsWith(CONCURRENT + "CountDownLatch")
                ? OffCpuState.WAITING : OffCpuState.BLOCKED;
    }
}
