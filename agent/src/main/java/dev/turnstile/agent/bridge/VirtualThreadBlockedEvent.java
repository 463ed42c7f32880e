package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A virtual thread waited, unmounted, to enter a monitor. Since JDK 24 a virtual thread blocked on
 * {@code synchronized} gives its carrier back, and the JDK then records no jdk.JavaMonitorEnter for it at all;
 * this event fills that gap. It is written after the period ends, from JFR's periodic thread (JFR loses events
 * committed in mount(), where the period ends), so the event's own thread and the stack JFR would take say nothing
 * about the wait: the waiting virtual thread and its stack
 * are in fields instead.
 */
@Name("turnstile.VirtualThreadBlocked")
@Label("Virtual Thread Blocked")
@Category({"Turnstile", "Locks"})
@Description("A virtual thread was unmounted while it waited to enter a monitor (synchronized), JDK 24+; one event"
        + " per blocked period: a thread woken to retry that loses the monitor again blocks again")
@StackTrace(false)
public final class VirtualThreadBlockedEvent extends Event {
    @Label("Virtual Thread")
    @Description("The virtual thread that waited; charge the wait to it, not to the event's thread")
    Thread virtualThread;

    @Label("Blocked At")
    @Description("The virtual thread's stack where it waited, top frame first, one package.Class.method:line per"
            + " line, the 16 topmost frames; read for at most 100 periods a second (it is costly), empty for the"
            + " others")
    String blockedAt;

    @Label("Lost")
    @Description("Blocked periods not recorded so far in this JVM because more virtual threads were blocked at once"
            + " than the agent tracks; grows monotonically")
    long lost;
}
