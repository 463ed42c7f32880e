package dev.turnstile.agent.bridge;

/**
 * Called by the executor advice: when a task is submitted, rejected, taken by a worker, and done. Tasks are never
 * wrapped or replaced; a task is recognised by identity between its submission and its start.
 */
public final class Pools {
    /** Off until the recording runs and the executors module is installed. */
    public static volatile boolean enabled;

    /** At most one sampled submission (with the submitter's stack) per thread per this interval. */
    static final long SUBMIT_SAMPLE_INTERVAL_NANOS = 1_000_000;

    /**
     * Per thread: the task this worker runs, and the task it last submitted (to count a submission once). A
     * ForkJoinPool worker can run tasks inside a task (helping while it joins): only the outermost run is timed.
     */
    private static final class PerThread {
        TaskRunEvent run;
        int runDepth;
        int runSlot = -1;
        long runStart;
        int lastSubmittedTask;
        /** When the task this thread last submitted became ready to run. */
        long lastReadyAt;
        /** Where that task is pending, if it was tracked, with its identity (so no task is kept alive). */
        int lastPendingSlot = -1;
        int lastPendingTask;
        /** Identity of the task this thread's executor last rejected (an identity, so no task is kept alive). */
        int lastRejectedTask;
        long lastSubmitSample = Long.MIN_VALUE / 2;
    }

    private static final ThreadLocal<PerThread> STATE = new ThreadLocal<>() {
        @Override
        protected PerThread initialValue() {
            return new PerThread();
        }
    };

    private Pools() {
    }

    /** A task handed to an executor whose workers the agent sees take it, ready to run now. */
    public static void submitted(Object executor, Object task) {
        submittedAt(executor, task, 0, true);
    }

    /** A task scheduled to become ready after a delay (ScheduledThreadPoolExecutor): its wait counts from then. */
    public static void scheduled(Object executor, Object task, long delayNanos) {
        submittedAt(executor, task, Math.max(0, delayNanos), true);
    }

    /**
     * A task handed to any other executor (called when its execute returns): counted with its submitting site, but
     * its wait and run are not seen. A task this thread has just submitted is not counted again, so an executor
     * that wraps another (as Executors.newSingleThreadExecutor does) adds nothing to the one doing the work.
     */
    public static void handedOver(Object executor, Object task) {
        submittedAt(executor, task, 0, false);
    }

    private static void submittedAt(Object executor, Object task, long delayNanos, boolean tracked) {
        if (!enabled || task == null) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            PerThread state = STATE.get();
            state.lastPendingSlot = -1; // whatever happens below, an earlier submission is not this one
            int taskId = System.identityHashCode(task);
            if (!tracked && taskId == state.lastSubmittedTask) {
                return;
            }
            state.lastSubmittedTask = taskId;
            int slot = ExecutorTable.slotOf(executor);
            if (slot < 0) {
                ExecutorTable.countUntrackedSubmission();
                return;
            }
            ExecutorTable.count(slot, ExecutorTable.SUBMITTED);
            long now = System.nanoTime();
            state.lastReadyAt = now + delayNanos;
            if (tracked && !ExecutorTable.countOnly(slot)) {
                state.lastPendingSlot = PendingTasks.put(task, state.lastReadyAt);
                state.lastPendingTask = taskId;
            }
            if (now - state.lastSubmitSample >= SUBMIT_SAMPLE_INTERVAL_NANOS) {
                state.lastSubmitSample = now;
                TaskSubmitEvent event = new TaskSubmitEvent();
                if (event.shouldCommit()) {
                    event.executorId = System.identityHashCode(executor);
                    event.executorClass = executor.getClass();
                    event.taskClass = task.getClass();
                    event.commit();
                }
            }
        } finally {
            inside[0] = false;
        }
    }

    /** The executor refused the task (its queue was full or it was shut down). */
    public static void rejected(Object executor, Object task) {
        if (!enabled) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            int slot = ExecutorTable.slotOf(executor);
            if (slot >= 0) {
                ExecutorTable.count(slot, ExecutorTable.REJECTED);
            }
            if (task != null) {
                PendingTasks.remove(task);
                STATE.get().lastRejectedTask = System.identityHashCode(task);
            }
        } finally {
            inside[0] = false;
        }
    }

    /**
     * Between its submission and the queue, the task this thread just submitted was replaced by another agent's
     * advice in the same method (OpenTelemetry wraps a lambda in a Runnable that carries its context). The worker
     * will take the replacement, so the pending submission moves to it, with the time it was submitted. If the
     * executor rejected the replacement, nothing is pending. A worker that took the replacement before this call
     * (the submitter was descheduled in between) finds nothing pending: its wait is counted as unknown, and the moved
     * entry is swept a minute later.
     */
    public static void replaced(Object submitted, Object queued) {
        if (!enabled || submitted == null || queued == null) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            PerThread state = STATE.get();
            if (System.identityHashCode(queued) == state.lastRejectedTask) {
                state.lastRejectedTask = 0;
                PendingTasks.remove(submitted);
            } else {
                PendingTasks.replace(submitted, queued, state.lastReadyAt);
            }
        } finally {
            inside[0] = false;
        }
    }

    /**
     * A ThreadPoolExecutor creates a worker for the task this thread is submitting, which the new worker runs without
     * passing through the queue. If another agent replaced the task on its way (see {@link #replaced}), the pending
     * submission moves to the replacement now, before the new worker can look for it.
     */
    public static void toNewWorker(Object firstTask) {
        if (!enabled || firstTask == null) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            PerThread state = STATE.get();
            if (state.lastPendingSlot >= 0 && System.identityHashCode(firstTask) != state.lastPendingTask) {
                PendingTasks.replaceAt(state.lastPendingSlot, state.lastPendingTask, firstTask, state.lastReadyAt);
                state.lastPendingSlot = -1;
            }
        } finally {
            inside[0] = false;
        }
    }

    /** A ThreadPoolExecutor worker starts: it runs the task it was created with first, if any. */
    public static void workerStarted(Object executor, Object worker) {
        if (enabled) {
            begin(executor, WorkerTasks.firstTask(worker), false);
        }
    }

    /**
     * A ForkJoinPool worker takes a task from a queue to run now. Only submitted tasks count as the pool's tasks: the
     * subtasks a computation forks (and other workers steal) are part of the work of the task that forked them.
     */
    public static void takenByForkJoinWorker(Object task) {
        Thread worker = Thread.currentThread();
        if (enabled && worker instanceof java.util.concurrent.ForkJoinWorkerThread) {
            begin(((java.util.concurrent.ForkJoinWorkerThread) worker).getPool(), task, true);
        }
    }

    /**
     * This worker thread takes a task to run now. A task whose submission was not seen (submitted before the agent
     * started) still counts, with an unknown wait.
     */
    public static void taken(Object executor, Object task) {
        begin(executor, task, false);
    }

    private static void begin(Object executor, Object task, boolean submittedOnly) {
        if (!enabled || task == null) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            PerThread state = STATE.get();
            if (state.runDepth++ > 0) {
                return; // a task run inside a task: the outer one is timed
            }
            start(state, executor, task, submittedOnly);
        } finally {
            inside[0] = false;
        }
    }

    /**
     * On JDK 17 a ForkJoinPool worker, once a submitted task and its subtasks are done, takes the next submitted task
     * from the same queue without leaving the run: the one task ends and the next begins.
     */
    public static void nextByForkJoinWorker(Object task) {
        Thread worker = Thread.currentThread();
        if (!enabled || task == null || !(worker instanceof java.util.concurrent.ForkJoinWorkerThread)) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            PerThread state = STATE.get();
            if (state.runDepth == 1) {
                finish(state);
                start(state, ((java.util.concurrent.ForkJoinWorkerThread) worker).getPool(), task, true);
            }
        } finally {
            inside[0] = false;
        }
    }

    private static void start(PerThread state, Object executor, Object task, boolean submittedOnly) {
        int slot = ExecutorTable.slotOf(executor);
        if (slot < 0 || ExecutorTable.countOnly(slot)) {
            return;
        }
        long now = System.nanoTime();
        long readyAt = PendingTasks.take(task);
        if (submittedOnly && readyAt == PendingTasks.NOT_PENDING) {
            return;
        }
        long queueWait = readyAt < 0 ? -1 : Math.max(0, now - readyAt);
        ExecutorTable.count(slot, ExecutorTable.STARTED);
        if (queueWait < 0) {
            ExecutorTable.count(slot, ExecutorTable.WAIT_UNKNOWN);
        } else {
            ExecutorTable.queueWait(slot, queueWait);
        }
        ExecutorTable.nameFromWorker(slot, Thread.currentThread().getName());
        TaskRunEvent event = new TaskRunEvent();
        if (event.isEnabled()) {
            event.begin();
            event.executorId = System.identityHashCode(executor);
            event.executorClass = executor.getClass();
            event.taskClass = task.getClass();
            event.queueWaitNanos = queueWait;
            state.run = event;
        }
        state.runSlot = slot;
        state.runStart = now;
    }

    private static void finish(PerThread state) {
        int slot = state.runSlot;
        if (slot < 0) {
            return;
        }
        state.runSlot = -1;
        ExecutorTable.runTime(slot, System.nanoTime() - state.runStart);
        ExecutorTable.count(slot, ExecutorTable.COMPLETED);
        TaskRunEvent event = state.run;
        state.run = null;
        if (event != null) {
            event.end();
            if (event.shouldCommit()) {
                event.commit();
            }
        }
    }

    /** This worker thread finished the task it took, if any. */
    public static void done() {
        if (!enabled) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            PerThread state = STATE.get();
            if (state.runDepth == 0 || --state.runDepth > 0) {
                return; // nothing running, or the end of a task run inside a task
            }
            finish(state);
        } finally {
            inside[0] = false;
        }
    }
}
