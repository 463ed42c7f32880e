package dev.turnstile.analyzer.events;

/**
 * Turnstile's own events as the analyzer reads them: names and fields by string, so a recording from an
 * older or newer agent still reads. The agent declares the same names in its event classes.
 */
public final class TurnstileEvents {
    /** Highest event-schema version this analyzer knows; newer recordings are read for what is understood. */
    public static final int SCHEMA_VERSION = 1;

    public static final String AGENT_START = "turnstile.AgentStart";
    public static final String AGENT_START_SCHEMA_VERSION = "schemaVersion";
    public static final String AGENT_START_AGENT_VERSION = "agentVersion";
    /** The options in effect, as {@code key=value,...}; {@code sched=<ms>ms} or {@code sched=off} since the counters. */
    public static final String AGENT_START_OPTIONS = "options";
    /** Comma-separated names of the instrumentation modules that work, e.g. {@code locks}. */
    public static final String AGENT_START_MODULES = "modules";
    public static final String MODULE_LOCKS = "locks";
    /**
     * Whether the agent sampled per-thread scheduler counters: {@code on}, {@code off} (its sched option), or
     * {@code unavailable: } and why. Missing in recordings of agents that did not have them.
     */
    public static final String AGENT_START_SCHEDULER_COUNTERS = "schedulerCounters";
    public static final String MODULE_PROCESSES = "processes";

    /**
     * What the agent's fixed-size tables had no room for, cumulative since the agent started (the last event holds
     * the recording's counts), with each table's capacity.
     */
    public static final String AGENT_STATISTICS = "turnstile.AgentStatistics";
    public static final String AGENT_STATISTICS_LOCK_TABLE_CAPACITY = "lockTableCapacity";
    /** Contended acquisitions of locks that found no room in the lock table: missing from turnstile.LockStatistics. */
    public static final String AGENT_STATISTICS_UNTRACKED_LOCK_WAITS = "untrackedLockWaits";
    public static final String AGENT_STATISTICS_EXECUTOR_TABLE_CAPACITY = "executorTableCapacity";
    /** Tasks submitted to executors that found no room in the executor table: in no executor event. */
    public static final String AGENT_STATISTICS_UNTRACKED_SUBMISSIONS = "untrackedSubmissions";
    public static final String AGENT_STATISTICS_PENDING_TASK_CAPACITY = "pendingTaskCapacity";
    /** Submitted tasks whose queue wait could not be tracked (no room in the pending-task table). */
    public static final String AGENT_STATISTICS_PENDING_TASK_COLLISIONS = "pendingTaskCollisions";
    /** Submitted tasks forgotten after a minute without starting. */
    public static final String AGENT_STATISTICS_PENDING_TASKS_SWEPT = "pendingTasksSwept";
    public static final String AGENT_STATISTICS_BLOCKED_VIRTUAL_THREAD_CAPACITY = "blockedVirtualThreadCapacity";
    /** Monitor blocks of virtual threads not recorded: too many virtual threads were blocked at once. */
    public static final String AGENT_STATISTICS_LOST_VIRTUAL_THREAD_BLOCKS = "lostVirtualThreadBlocks";
    public static final String AGENT_STATISTICS_THREAD_TABLE_CAPACITY = "threadTableCapacity";
    /** Per-thread scheduler samples not taken because the agent's thread table was full (one per thread per period). */
    public static final String AGENT_STATISTICS_UNTRACKED_THREAD_SAMPLES = "untrackedThreadSamples";
    /** Threads whose last scheduler counters, read as they ended, were dropped. */
    public static final String AGENT_STATISTICS_LOST_THREAD_ENDS = "lostThreadEnds";
    /** Threads that ended without reading their last scheduler counters (more ended than the agent reads a second). */
    public static final String AGENT_STATISTICS_SKIPPED_THREAD_ENDS = "skippedThreadEnds";

    /**
     * One thread's kernel scheduler counters over an interval, as deltas; written from JFR's periodic thread, so the
     * event's own thread means nothing: the thread is {@link #THREAD_SCHEDULING_TID}, its OS id.
     */
    public static final String THREAD_SCHEDULING = "turnstile.ThreadScheduling";
    /** Joins with RecordedThread.getOSThreadId. */
    public static final String THREAD_SCHEDULING_TID = "tid";
    /** The kernel's name (comm, at most 15 characters). */
    public static final String THREAD_SCHEDULING_NAME = "threadName";
    public static final String THREAD_SCHEDULING_ON_CPU = "onCpuNanos";
    public static final String THREAD_SCHEDULING_RUN_QUEUE = "runQueueNanos";
    public static final String THREAD_SCHEDULING_TIMESLICES = "timeslices";
    public static final String THREAD_SCHEDULING_VOLUNTARY = "voluntarySwitches";
    public static final String THREAD_SCHEDULING_INVOLUNTARY = "involuntarySwitches";
    /** The deltas accrued within this many nanoseconds before the counters were read. */
    public static final String THREAD_SCHEDULING_INTERVAL = "intervalNanos";
    /** How long before the event's time the counters were read: 0 but for a thread's last sample, read as it ended. */
    public static final String THREAD_SCHEDULING_READ_AGO = "readAgoNanos";
    /** The thread's last sample, read as it ended. */
    public static final String THREAD_SCHEDULING_ENDED = "ended";

    public static final String LOCK_WAIT = "turnstile.LockWait";
    public static final String LOCK_WAIT_LOCK_ID = "lockId";
    public static final String LOCK_WAIT_SYNCHRONIZER_CLASS = "synchronizerClass";
    public static final String LOCK_WAIT_OWNER = "owner";
    public static final String LOCK_WAIT_SHARED = "shared";
    public static final String LOCK_WAIT_ACQUIRED = "acquired";

    /** Declared for the contract; the analyzer does not read these yet (exact totals and the holder side are next). */
    public static final String LOCK_RELEASE = "turnstile.LockRelease";
    /** A wait for a signal on a Condition: idle time, not contention. */
    public static final String CONDITION_WAIT = "turnstile.ConditionWait";
    public static final String LOCK_STATISTICS = "turnstile.LockStatistics";
    public static final String LOCK_COUNTS = "turnstile.LockCounts";
    public static final String TASK_RUN = "turnstile.TaskRun";
    public static final String TASK_SUBMIT = "turnstile.TaskSubmit";
    public static final String EXECUTOR_STATISTICS = "turnstile.ExecutorStatistics";
    public static final String EXECUTOR_TOTALS = "turnstile.ExecutorTotals";
    public static final String EXECUTOR_TIMES = "turnstile.ExecutorTimes";

    /** A spawn (or failed spawn) of a child process; the event's duration is the spawn latency, with the stack. */
    public static final String PROCESS_START = "turnstile.ProcessStart";
    /** The child's process id, -1 when the spawn failed. */
    public static final String PROCESS_START_PID = "pid";
    /** The redacted command line. */
    public static final String PROCESS_START_COMMAND = "command";
    /** The child's working directory; null when inherited. */
    public static final String PROCESS_START_DIRECTORY = "directory";
    /** What the failed spawn threw (class: message); null when the child started. */
    public static final String PROCESS_START_FAILURE = "failure";

    /** A child ended; joined to its start by pid. Its thread is the JDK's process reaper. */
    public static final String PROCESS_EXIT = "turnstile.ProcessExit";
    public static final String PROCESS_EXIT_PID = "pid";
    public static final String PROCESS_EXIT_EXIT_CODE = "exitCode";
    /** Nanoseconds from the start of the spawn to the exit. */
    public static final String PROCESS_EXIT_LIFETIME = "lifetime";
    public static final String PROCESS_EXIT_COMMAND = "command";

    public static final String MODULE_THREADS = "threads";

    /** One platform thread start; the duration is the creator's time in Thread.start, the stack the creator's. */
    public static final String THREAD_START = "turnstile.ThreadStart";
    /** The started thread; null if it had ended before the event was written (JDK 17): use the name then. */
    public static final String THREAD_START_STARTED_THREAD = "startedThread";
    public static final String THREAD_START_STARTED_THREAD_NAME = "startedThreadName";
    /** False when Thread.start threw. */
    public static final String THREAD_START_STARTED = "started";

    /**
     * JDK 24+: one period a virtual thread spent unmounted, blocked entering a monitor, for which the JDK writes
     * no jdk.JavaMonitorEnter. The event's own thread is the agent's writer, not the waiter: charge the wait to
     * {@link #VIRTUAL_THREAD_BLOCKED_THREAD}. It has no JFR stack; its stack is the text in
     * {@link #VIRTUAL_THREAD_BLOCKED_AT}.
     */
    public static final String VIRTUAL_THREAD_BLOCKED = "turnstile.VirtualThreadBlocked";
    public static final String VIRTUAL_THREAD_BLOCKED_THREAD = "virtualThread";
    /**
     * Top frame first, one {@code package.Class.method:line} per line, at most 16 frames; sampled (at most 100
     * periods a second), empty for the others.
     */
    public static final String VIRTUAL_THREAD_BLOCKED_AT = "blockedAt";
    /** Blocked periods the agent could not track so far in this JVM (cumulative). */
    public static final String VIRTUAL_THREAD_BLOCKED_LOST = "lost";

    /** Frames of the agent itself, which the analyzer strips from every stack it shows. */
    public static final String AGENT_PACKAGE_PREFIX = "dev.turnstile.agent.";

    private TurnstileEvents() {
    }
}
