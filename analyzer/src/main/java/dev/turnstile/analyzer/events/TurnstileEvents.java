package dev.turnstile.analyzer.events;

/**
 * Turnstile's own events as the analyzer reads them: names and fields by string, so a recording from an
 * older or newer agent still reads. The agent declares the same names in its event classes.
 */
public final class TurnstileEvents {
    /** Highest event-schema version this analyzer knows; newer recordings are read for what is understood. */
    public static final int SCHEMA_VERSION = 2;

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
    public static final String AGENT_STATISTICS_DEADLOCK_CYCLE_CAPACITY = "deadlockCycleCapacity";
    /** Deadlock checks that found a cycle beyond those the agent remembers, and did not write it. */
    public static final String AGENT_STATISTICS_UNWRITTEN_DEADLOCK_CHECKS = "unwrittenDeadlockChecks";

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
    /** Joins with JfrThread.osThreadId. */
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
    /** Since schema 2: the owner's Java thread id, 0 for none. */
    public static final String LOCK_WAIT_OWNER_THREAD_ID = "ownerThreadId";
    /** Schema 1: the owner as a thread. */
    public static final String LOCK_WAIT_OWNER = "owner";
    public static final String LOCK_WAIT_SHARED = "shared";
    public static final String LOCK_WAIT_ACQUIRED = "acquired";

    /** A holder released a j.u.c lock to queued waiters; sampled, with the holder's stack. */
    public static final String LOCK_RELEASE = "turnstile.LockRelease";
    public static final String LOCK_RELEASE_LOCK_ID = "lockId";
    public static final String LOCK_RELEASE_SYNCHRONIZER_CLASS = "synchronizerClass";

    /** A wait for a signal on a Condition of a j.u.c lock. */
    public static final String CONDITION_WAIT = "turnstile.ConditionWait";
    public static final String CONDITION_WAIT_LOCK_ID = "lockId";
    public static final String CONDITION_WAIT_SYNCHRONIZER_CLASS = "synchronizerClass";
    /** True when a timed await ran out of time; absent from recordings of older agents. */
    public static final String CONDITION_WAIT_TIMED_OUT = "timedOut";

    /** Cumulative per-lock totals (the largest seen is the recording's); lockId is an int here. */
    public static final String LOCK_STATISTICS = "turnstile.LockStatistics";
    public static final String LOCK_STATISTICS_LOCK_ID = "lockId";
    public static final String LOCK_STATISTICS_SYNCHRONIZER_CLASS = "synchronizerClass";
    public static final String LOCK_STATISTICS_CONTENDED = "contendedAcquisitions";
    public static final String LOCK_STATISTICS_WAIT_NANOS = "waitNanos";
    /** Releases while threads were queued: every hold that ended while the lock was contended (newer agents). */
    public static final String LOCK_STATISTICS_RELEASES_TO_WAITERS = "releasesToWaiters";

    /** Cumulative acquisitions per kind of j.u.c lock, contended or not. */
    public static final String LOCK_COUNTS = "turnstile.LockCounts";
    public static final String LOCK_COUNTS_KIND = "lockKind";
    public static final String LOCK_COUNTS_ACQUISITIONS = "acquisitions";

    /**
     * A cycle of deadlocked threads, written once by the agent's periodic check. {@link #DEADLOCK_THREADS} describes
     * each thread: a line {@code thread TAB id TAB name TAB state TAB lockClass TAB lockIdHex TAB ownerId TAB
     * ownerName}, then one line per frame, {@code TAB package.Class.method:line}, top first.
     */
    public static final String DEADLOCK = "turnstile.Deadlock";
    public static final String DEADLOCK_CYCLE_SIZE = "cycleSize";
    public static final String DEADLOCK_THREADS = "threads";
    public static final String DEADLOCK_THREAD_LINE = "thread";

    /** A sampled submission, with the submitter's stack. */
    public static final String TASK_SUBMIT = "turnstile.TaskSubmit";
    /** Identity hash of the executor, in every executor event. */
    public static final String EXECUTOR_ID = "executorId";
    public static final String EXECUTOR_CLASS = "executorClass";
    /** Worker-name prefix, e.g. {@code pool-1-thread-}; null until a worker was seen. */
    public static final String EXECUTOR_NAME = "name";

    /** One per executor per second: a snapshot. Counts (submitted...) are cumulative since the agent started. */
    public static final String EXECUTOR_STATISTICS = "turnstile.ExecutorStatistics";
    /** Workers, busy workers, queued tasks now; -1 when the executor does not say. */
    public static final String EXECUTOR_STATISTICS_POOL_SIZE = "poolSize";
    public static final String EXECUTOR_STATISTICS_ACTIVE = "activeWorkers";
    public static final String EXECUTOR_STATISTICS_QUEUED = "queuedTasks";
    /** Cumulative counts, in ExecutorStatistics and ExecutorTotals. */
    public static final String EXECUTOR_SUBMITTED = "submitted";
    public static final String EXECUTOR_REJECTED = "rejected";
    public static final String EXECUTOR_STARTED = "started";
    public static final String EXECUTOR_COMPLETED = "completed";
    public static final String EXECUTOR_WAIT_UNKNOWN = "waitUnknown";
    /** At the start and end of every chunk: the cumulative counts. */
    public static final String EXECUTOR_TOTALS = "turnstile.ExecutorTotals";
    /** With each ExecutorTotals, one per non-empty histogram bucket: cumulative tasks per bucket. */
    public static final String EXECUTOR_TIMES = "turnstile.ExecutorTimes";
    /** {@link #EXECUTOR_TIMES_QUEUE_WAIT} or {@link #EXECUTOR_TIMES_RUN_TIME}. */
    public static final String EXECUTOR_TIMES_KIND = "kind";
    public static final String EXECUTOR_TIMES_QUEUE_WAIT = "queueWait";
    public static final String EXECUTOR_TIMES_RUN_TIME = "runTime";
    public static final String EXECUTOR_TIMES_UPPER_BOUND = "upperBoundNanos";
    public static final String EXECUTOR_TIMES_TASKS = "tasks";
    /** A task run at or above the threshold; duration = run time. */
    public static final String TASK_RUN = "turnstile.TaskRun";
    /** From submission (or when due) to a worker taking the task; -1 if unknown. */
    public static final String TASK_RUN_QUEUE_WAIT = "queueWaitNanos";

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

    /**
     * Periodic per-thread kernel scheduler counters (run-queue wait, voluntary and involuntary switches), from
     * {@code /proc/self/task/*}. Switch counts are turned into time with the calibration's cost per switch.
     */

    /** Once per recording: whether async-profiler's samples are in it, and why not. */
    public static final String PROFILER_START = "turnstile.ProfilerStart";
    /** What was asked of the profiler, e.g. {@code wall=20ms,cpu=10ms}, or {@code off}. */
    public static final String PROFILER_START_MODES = "modes";
    public static final String PROFILER_START_STARTED = "started";
    /** Why it does not run; null when it does. */
    public static final String PROFILER_START_FAILURE = "failure";
    /** True when the JDK's jdk.ExecutionSample is on instead of the profiler's CPU samples. */
    public static final String PROFILER_START_JDK_EXECUTION_SAMPLES = "jdkExecutionSamples";

    /**
     * The part of a recording that was meant to be observed, written by whoever started the recording around it (the
     * JUnit extension around a test body): a duration event, begun when observation began and committed when it
     * ended. The JUnit module declares the same name and fields in its event class.
     */
    public static final String OBSERVED_WINDOW = "turnstile.ObservedWindow";
    /** Who marked the window, e.g. {@code junit}. */
    public static final String OBSERVED_WINDOW_SOURCE = "source";
    /** What was observed, e.g. the test's unique id. */
    public static final String OBSERVED_WINDOW_LABEL = "label";
    /** The agent's version if the writer knew it; null otherwise. */
    public static final String OBSERVED_WINDOW_AGENT_VERSION = "agentVersion";

    /** Frames of the agent itself, which the analyzer strips from every stack it shows. */
    public static final String AGENT_PACKAGE_PREFIX = "dev.turnstile.agent.";

    private TurnstileEvents() {
    }
}
