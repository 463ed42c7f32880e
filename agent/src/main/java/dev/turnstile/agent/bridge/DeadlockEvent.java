package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Threads that wait for each other in a cycle and can never go on. Written once per cycle, by the agent's periodic
 * check, the first time the check sees it; the threads stay stuck, so there is nothing more to say about it later.
 * JFR cannot hold lists in an event, so every thread of the cycle is described in one text field, in a line format
 * readers parse (docs/agent.md).
 */
@Name("turnstile.Deadlock")
@Label("Deadlock")
@Category({"Turnstile", "Locks"})
@Description("Threads deadlocked in a cycle on monitors or java.util.concurrent locks, found by the agent's periodic"
        + " check; once per cycle")
@Period("1 s")
@StackTrace(false)
public final class DeadlockEvent extends Event {
    @Label("Cycle Size")
    @Description("Threads in the cycle")
    public int cycleSize;

    @Label("Threads")
    @Description("Per thread of the cycle: a line 'thread TAB id TAB name TAB state TAB lockClass TAB lockId(hex) TAB"
            + " ownerId TAB ownerName', then its stack, one 'TAB package.Class.method:line' line per frame, top first")
    public String threads;
}
