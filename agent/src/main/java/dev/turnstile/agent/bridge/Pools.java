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

    /** Per thread: the task this worker runs, and the task it last submitted (to count a submission once). */
    private static final class PerThread {
        TaskRunEvent run;
        int runSlot = -1;
        long runStart;
        int lastSubmittedTask;
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
            int taskId = System.identityHashCode(task);
            if (!tracked && taskId == state.lastSubmittedTask) {
                return;
            }
            state.lastSubmittedTask = taskId;
            int slot = ExecutorTable.slotOf(executor);
            if (slot < 0) {
                return;
            }
            ExecutorTable.count(slot, ExecutorTable.SUBMITTED);
            long now = System.nanoTime();
            if (tracked) {
                PendingTasks.put(task, now + delayNanos);
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
            }
        } finally {
            inside[0] = false;
        }
    }

    /** A ThreadPoolExecutor worker starts: it runs the task it was created with first, if any. */
    public static void workerStarted(Object executor, Object worker) {
        if (enabled) {
            taken(executor, WorkerTasks.firstTask(worker));
        }
    }

    /** This worker thread takes a task to run now. */
    public static void taken(Object executor, Object task) {
        if (!enabled || task == null) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            int slot = ExecutorTable.slotOf(executor);
            if (slot < 0) {
                return;
            }
            long now = System.nanoTime();
            long readyAt = PendingTasks.take(task);
            long queueWait = readyAt < 0 ? -1 : Math.max(0, now - readyAt);
            ExecutorTable.count(slot, ExecutorTable.STARTED);
            if (queueWait < 0) {
                ExecutorTable.count(slot, ExecutorTable.WAIT_UNKNOWN);
            } else {
                ExecutorTable.queueWait(slot, queueWait);
            }
            ExecutorTable.nameFromWorker(slot, Thread.currentThread().getName());
            PerThread state = STATE.get();
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
        } finally {
            inside[0] = false;
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
        } finally {
            inside[0] = false;
        }
    }
}
