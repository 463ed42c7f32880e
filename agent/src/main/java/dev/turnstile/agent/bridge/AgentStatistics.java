package dev.turnstile.agent.bridge;

/** Writes what the agent dropped so far, when JFR asks for its periodic events (start and end of every chunk). */
public final class AgentStatistics {
    /** Deadlock cycles the agent writes once each; it remembers this many. */
    public static final int DEADLOCK_CYCLE_CAPACITY = 256;

    /** Written only by JFR's periodic thread (the deadlock check), read by the same thread below. */
    private static volatile long unwrittenDeadlockChecks;

    private AgentStatistics() {
    }

    /** A deadlock check found a cycle it had no room to remember, so it did not write it. */
    public static void deadlockCycleNotReported() {
        unwrittenDeadlockChecks = unwrittenDeadlockChecks + 1;
    }

    public static void emit() {
        // What is still waiting to be written goes first, so nothing is left out at the end of the recording.
        VirtualThreadBlocks.flush();
        // A last sample at the end of the recording, so the counters cover it to its end.
        ThreadSchedules.sampleAtChunkEdge();
        AgentStatisticsEvent event = new AgentStatisticsEvent();
        event.lockTableCapacity = LockTable.CAPACITY;
        event.untrackedLockWaits = LockTable.overflows();
        event.executorTableCapacity = ExecutorTable.CAPACITY;
        event.untrackedSubmissions = ExecutorTable.untrackedSubmissions();
        event.pendingTaskCapacity = PendingTasks.CAPACITY;
        event.pendingTaskCollisions = PendingTasks.collisions();
        event.pendingTasksSwept = PendingTasks.swept();
        event.blockedVirtualThreadCapacity = VirtualThreadBlocks.SLOTS;
        event.lostVirtualThreadBlocks = VirtualThreadBlocks.lost();
        event.deadlockCycleCapacity = DEADLOCK_CYCLE_CAPACITY;
        event.unwrittenDeadlockChecks = unwrittenDeadlockChecks;
        event.threadTableCapacity = ThreadSchedules.capacity();
        event.untrackedThreadSamples = ThreadSchedules.untrackedSamples();
        event.lostThreadEnds = ThreadSchedules.lostEnds();
        event.skippedThreadEnds = ThreadSchedules.skippedEnds();
        event.commit();
    }
}
