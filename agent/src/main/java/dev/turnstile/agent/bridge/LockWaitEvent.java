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

    /*
     * An id, not a Thread: JDK 17 writes a Thread field by searching the list of live threads, a few microseconds
     * with 10,000 of them, and this event is committed while the waiter already holds the lock it waited for.
     */
    @Label("Owner Thread Id")
    @Description("Java thread id (Thread.getId) of the thread holding the lock exclusively when the wait began, 0 "
            + "if the lock had no owner; the recording names the thread wherever that thread recorded events")
    long ownerThreadId;

    @Label("Shared")
    @Description("True for a shared acquisition (read lock, semaphore permit, latch), false for exclusive")
    boolean shared;

    @Label("Acquired")
    @Description("False when the wait ended by timeout or interrupt instead of taking the lock")
    boolean acquired;

    /** When the wait began, for the lock's totals (transient: not part of the event). */
    transient long startNanos;
}
