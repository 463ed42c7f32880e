package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * What the agent's fixed-size tables could not hold since it started: the agent keeps its memory bounded by
 * dropping what does not fit, and counts what it dropped so that a reader knows which numbers are incomplete.
 * Written at the start and end of every chunk; the counts are cumulative, so the last event holds the recording's.
 */
@Name("turnstile.AgentStatistics")
@Label("Turnstile Agent Statistics")
@Category({"Turnstile"})
@Description("What the agent dropped to keep its memory bounded: activity its fixed-size tables had no room for")
@Period("everyChunk")
@StackTrace(false)
public final class AgentStatisticsEvent extends Event {
    @Label("Lock Table Capacity")
    @Description("Locks the agent keeps per-lock totals for (turnstile.LockStatistics)")
    int lockTableCapacity;

    @Label("Untracked Lock Waits")
    @Description("Contended acquisitions of locks that found no room in the lock table: missing from"
            + " turnstile.LockStatistics (their turnstile.LockWait events are still written)")
    long untrackedLockWaits;

    @Label("Executor Table Capacity")
    @Description("Executors the agent keeps task counts for")
    int executorTableCapacity;

    @Label("Untracked Submissions")
    @Description("Tasks submitted to executors that found no room in the executor table: in no executor event")
    long untrackedSubmissions;

    @Label("Pending Task Capacity")
    @Description("Submitted, not yet started tasks the agent can remember at once, to time their queue wait")
    int pendingTaskCapacity;

    @Label("Pending Task Collisions")
    @Description("Submitted tasks whose slot in the pending-task table was taken: their queue wait is unknown")
    long pendingTaskCollisions;

    @Label("Pending Tasks Swept")
    @Description("Submitted tasks forgotten after a minute without starting (cancelled, purged, or still queued):"
            + " their queue wait, if they ever start, is unknown")
    long pendingTasksSwept;

    @Label("Blocked Virtual Thread Capacity")
    @Description("Virtual threads the agent can time at once while they are unmounted, blocked on a monitor")
    int blockedVirtualThreadCapacity;

    @Label("Lost Virtual Thread Blocks")
    @Description("Periods of virtual threads blocked on a monitor that found no room in that table: no"
            + " turnstile.VirtualThreadBlocked event")
    long lostVirtualThreadBlocks;

    @Label("Deadlock Cycle Capacity")
    @Description("Deadlock cycles the agent remembers, to write each once as turnstile.Deadlock")
    int deadlockCycleCapacity;

    @Label("Unwritten Deadlock Checks")
    @Description("Periodic deadlock checks that found a new cycle after the agent had written as many as it remembers:"
            + " that cycle was not written (a cycle that stays is counted at every check)")
    long unwrittenDeadlockChecks;

    @Label("Thread Table Capacity")
    @Description("Threads whose scheduler counters the agent can follow at once (turnstile.ThreadScheduling)")
    int threadTableCapacity;

    @Label("Untracked Thread Samples")
    @Description("Samples of a thread's scheduler counters not taken because the thread table was full, one per"
            + " thread per period: that time is missing from turnstile.ThreadScheduling")
    long untrackedThreadSamples;

    @Label("Lost Thread Ends")
    @Description("Threads whose counters at their end found no room to be handed to the sampler (more than 4,096"
            + " threads ended within one period): their last partial period is missing from turnstile.ThreadScheduling")
    long lostThreadEnds;

    @Label("Skipped Thread Ends")
    @Description("Threads that ended without reading their scheduler counters: reading them costs an ending thread"
            + " about 0.1 ms, so at most 100 a second are read (1,000 in a burst); their last partial period is missing"
            + " from turnstile.ThreadScheduling")
    long skippedThreadEnds;
}
