package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One contended acquisition of a java.util.concurrent synchronizer, however many times it parked. */
@Name("turnstile.LockWait")
@Label("Lock Wait")
@Category({"Turnstile", "Locks"})
@Description("A thread could not take a java.util.concurrent lock at once and waited for it")
@StackTrace(true)
public final class LockWaitEvent extends Event {
    @Label("Lock Id")
    @Description("Identity hash of the lock's synchronizer: stable while the lock lives, shared by the read "
            + "and write sides of a ReentrantReadWriteLock")
    long lockId;

    @Label("Synchronizer Class")
    @Description("The synchronizer's own class, e.g. java.util.concurrent.locks.ReentrantLock$NonfairSync; a"
            + " nested synchronizer stands for the class it is nested in, the lock users know")
    Class<?> synchronizerClass;

    @Label("Owner")
    @Description("The thread holding the lock exclusively when the wait began, if the lock has an owner")
    Thread owner;

    @Label("Shared")
    @Description("True for a shared acquisition (read lock, semaphore permit, latch), false for exclusive")
    boolean shared;

    @Label("Acquired")
    @Description("False when the wait ended by timeout or interrupt instead of taking the lock")
    boolean acquired;

    /** When the wait began, for the lock's totals (transient: not part of the event). */
    transient long startNanos;
}
