package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One call of {@code Thread.start} on a platform thread: how long the creator spent in it and, in the stack, who
 * started the thread. The JDK's jdk.ThreadStart, written by the new thread, has the creator's stack too but not
 * what the start cost, and nothing at all for a start that failed.
 */
@Name("turnstile.ThreadStart")
@Label("Thread Start")
@Category({"Turnstile", "Threads"})
@Description("A platform thread was started; the duration is the creator's time in Thread.start and the stack is"
        + " the creator's")
@StackTrace(true)
public final class ThreadStartEvent extends Event {
    @Label("Started Thread")
    @Description("The thread that was started; empty in the rare case it had already ended when the event was"
            + " written (JDK 17 resolves threads only while they live): use startedThreadName then")
    Thread startedThread;

    @Label("Started Thread Name")
    @Description("The started thread's name when it was started")
    String startedThreadName;

    @Label("Started")
    @Description("False when Thread.start threw (no memory or thread limit for a new thread, or already started)")
    boolean started;
}
