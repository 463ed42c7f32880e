package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.TurnstileEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the agent dropped to keep its memory bounded, from its turnstile.AgentStatistics events, turned into notes for
 * the reader: which numbers of the recording are incomplete, and by how much. The counts are cumulative, so the
 * largest seen is the recording's.
 */
final class AgentDrops {
    private long untrackedLockWaits;
    private long untrackedSubmissions;
    private long pendingTaskCollisions;
    private long pendingTasksSwept;
    private long lostVirtualThreadBlocks;
    private long blockedVirtualThreadCapacity;
    private long lockTableCapacity;
    private long unwrittenDeadlockChecks;
    private long deadlockCycleCapacity;
    private long executorTableCapacity;
    private long pendingTaskCapacity;
    private long threadTableCapacity;
    private long untrackedThreadSamples;
    private long lostThreadEnds;
    private long skippedThreadEnds;

    void onAgentStatistics(EventView event) {
        untrackedLockWaits = Math.max(untrackedLockWaits,
                count(event, TurnstileEvents.AGENT_STATISTICS_UNTRACKED_LOCK_WAITS));
        untrackedSubmissions = Math.max(untrackedSubmissions,
                count(event, TurnstileEvents.AGENT_STATISTICS_UNTRACKED_SUBMISSIONS));
        pendingTaskCollisions = Math.max(pendingTaskCollisions,
                count(event, TurnstileEvents.AGENT_STATISTICS_PENDING_TASK_COLLISIONS));
        pendingTasksSwept = Math.max(pendingTasksSwept,
                count(event, TurnstileEvents.AGENT_STATISTICS_PENDING_TASKS_SWEPT));
        lostVirtualThreadBlocks = Math.max(lostVirtualThreadBlocks,
                count(event, TurnstileEvents.AGENT_STATISTICS_LOST_VIRTUAL_THREAD_BLOCKS));
        blockedVirtualThreadCapacity = count(event, TurnstileEvents.AGENT_STATISTICS_BLOCKED_VIRTUAL_THREAD_CAPACITY);
        lockTableCapacity = count(event, TurnstileEvents.AGENT_STATISTICS_LOCK_TABLE_CAPACITY);
        executorTableCapacity = count(event, TurnstileEvents.AGENT_STATISTICS_EXECUTOR_TABLE_CAPACITY);
        pendingTaskCapacity = count(event, TurnstileEvents.AGENT_STATISTICS_PENDING_TASK_CAPACITY);
        unwrittenDeadlockChecks = Math.max(unwrittenDeadlockChecks,
                count(event, TurnstileEvents.AGENT_STATISTICS_UNWRITTEN_DEADLOCK_CHECKS));
        deadlockCycleCapacity = count(event, TurnstileEvents.AGENT_STATISTICS_DEADLOCK_CYCLE_CAPACITY);
        threadTableCapacity = count(event, TurnstileEvents.AGENT_STATISTICS_THREAD_TABLE_CAPACITY);
        untrackedThreadSamples = Math.max(untrackedThreadSamples,
                count(event, TurnstileEvents.AGENT_STATISTICS_UNTRACKED_THREAD_SAMPLES));
        lostThreadEnds = Math.max(lostThreadEnds, count(event, TurnstileEvents.AGENT_STATISTICS_LOST_THREAD_ENDS));
        skippedThreadEnds = Math.max(skippedThreadEnds,
                count(event, TurnstileEvents.AGENT_STATISTICS_SKIPPED_THREAD_ENDS));
    }

    /** One sentence per kind of drop that happened; none when nothing was dropped. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (untrackedLockWaits > 0) {
            notes.add("The agent's table of " + number(lockTableCapacity) + " locks was full: "
                    + number(untrackedLockWaits) + " contended acquisitions of further locks are missing from the"
                    + " per-lock totals (their waits at or above the threshold are still in the recording).");
        }
        if (untrackedSubmissions > 0) {
            notes.add("The agent's table of " + number(executorTableCapacity) + " executors was full: "
                    + number(untrackedSubmissions) + " tasks submitted to further executors were not counted.");
        }
        if (pendingTaskCollisions > 0) {
            notes.add(number(pendingTaskCollisions) + " submitted tasks found no room in the agent's table of "
                    + number(pendingTaskCapacity) + " pending tasks: their queue waits are unknown.");
        }
        if (pendingTasksSwept > 0) {
            notes.add(number(pendingTasksSwept) + " submitted tasks had not started after a minute (cancelled, or"
                    + " queued that long) and were forgotten by the agent: their queue waits are unknown.");
        }
        if (lostVirtualThreadBlocks > 0) {
            notes.add("More than " + number(blockedVirtualThreadCapacity) + " virtual threads were blocked on monitors"
                    + " at once: " + number(lostVirtualThreadBlocks) + " of their blocked periods were not recorded.");
        }
        if (unwrittenDeadlockChecks > 0) {
            notes.add("The agent wrote the first " + number(deadlockCycleCapacity) + " deadlock cycles it found and"
                    + " no more: later deadlocks are missing from the report.");
        }
        if (untrackedThreadSamples > 0) {
            notes.add("More than " + number(threadTableCapacity) + " threads were alive at once: "
                    + number(untrackedThreadSamples) + " samples of threads' scheduler counters were not taken, so"
                    + " their running, runnable and switch figures are low.");
        }
        if (lostThreadEnds + skippedThreadEnds > 0) {
            notes.add(number(lostThreadEnds + skippedThreadEnds) + " threads ended faster than the agent reads ending"
                    + " threads' scheduler counters (100 a second, 1,000 in a burst): what they did after their last"
                    + " periodic sample, all of it for threads that lived less than a period, is missing from the"
                    + " per-thread figures.");
        }
        return notes;
    }

    private static long count(EventView event, String field) {
        return event.hasField(field) ? event.getLong(field) : 0;
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
