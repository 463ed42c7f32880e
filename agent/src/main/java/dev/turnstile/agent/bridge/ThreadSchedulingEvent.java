package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One thread's kernel scheduler counters over one sampling interval, as deltas: how long it ran, how long it waited
 * for a CPU, how often it gave the CPU up and was pushed off it. Written from JFR's periodic thread (the event's own
 * thread means nothing): join it to JFR's threads by {@link #tid}, the OS thread id.
 */
@Name("turnstile.ThreadScheduling")
@Label("Thread Scheduling")
@Category({"Turnstile", "Scheduler"})
@Description("A thread's kernel scheduler counters (Linux /proc) over an interval: deltas since its previous sample;"
        + " only threads whose counters changed")
@Period("1 s")
@StackTrace(false)
public final class ThreadSchedulingEvent extends Event {
    @Label("OS Thread Id")
    @Description("The kernel's id of the thread (RecordedThread.getOSThreadId)")
    long tid;

    @Label("Thread Name")
    @Description("The kernel's name of the thread (/proc comm: at most 15 characters)")
    String threadName;

    @Label("On CPU")
    @Description("Time the thread ran on a CPU in the interval (schedstat, first field)")
    @Timespan(Timespan.NANOSECONDS)
    long onCpuNanos;

    @Label("Run-Queue Wait")
    @Description("Time the thread was runnable but waited for a CPU in the interval (schedstat, second field)")
    @Timespan(Timespan.NANOSECONDS)
    long runQueueNanos;

    @Label("Timeslices")
    @Description("Times the thread was given a CPU in the interval (schedstat, third field)")
    long timeslices;

    @Label("Voluntary Switches")
    @Description("Times the thread gave up the CPU to wait (lock, I/O, sleep, park) in the interval")
    long voluntarySwitches;

    @Label("Involuntary Switches")
    @Description("Times the kernel took the CPU away from the thread while it could still run (preemption)")
    long involuntarySwitches;

    @Label("Interval")
    @Description("Length of the interval the deltas cover; it ends when the counters were read (see Read Ago)")
    @Timespan(Timespan.NANOSECONDS)
    long intervalNanos;

    @Label("Read Ago")
    @Description("How long before this event's time the counters were read: about 0 when the sampler read them,"
            + " the time since the thread ended for its last sample")
    @Timespan(Timespan.NANOSECONDS)
    long readAgoNanos;

    @Label("Ended")
    @Description("True for a thread's last sample, read by the thread itself as it ended (java.lang.Thread's exit)")
    boolean ended;
}
