package dev.turnstile.programs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything at once that could trip an agent whose code runs inside the JDK's concurrency classes: many threads;
 * java.util.concurrent used inside the very methods the agent's hooks surround (a synchronizer whose tryAcquire and
 * tryRelease take a ReentrantLock, an executor whose execute takes one, a pool whose beforeExecute/afterExecute do);
 * conditions; nested executors (pool tasks that submit to other pools, ForkJoin and ThreadPoolExecutor, and wait on
 * their futures); timeouts and interrupts; thread churn. All phases run at the same time.
 *
 * <p>Every phase does a fixed amount of work, so each counter has one right value: the truth line gives both, as
 * {@code NAME.expected} and {@code NAME.actual}. A watchdog prints every thread's stack and exits with 3 if the work
 * is not done within the deadline (first argument, seconds; default 60).
 */
public final class TortureProgram {
    static final int MUTEX_THREADS = 8;
    static final int MUTEX_ROUNDS = 2_000;
    static final int PRODUCERS = 4;
    static final int CONSUMERS = 4;
    static final int ITEMS_PER_PRODUCER = 2_500;
    static final int OUTER_TASKS = 100;
    static final int FORK_JOIN_PER_OUTER = 4;
    static final int TRY_LOCK_THREADS = 4;
    static final int TRY_LOCK_ATTEMPTS = 200;
    static final int INTERRUPT_ROUNDS = 50;
    static final int SEMAPHORE_TIMEOUTS = 100;
    static final int CHURN_THREADS = 2_000;
    static final int CHURN_BATCH = 16;
    static final int PERIODIC_RUNS = 50;

    private final Map<String, long[]> results = new LinkedHashMap<>();
    /** Numbers that depend on timing (how many timed acquisitions timed out), printed as they came. */
    private final Map<String, Long> observed = new LinkedHashMap<>();

    private TortureProgram() {
    }

    public static void main(String[] args) throws Exception {
        long deadlineSeconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        TortureProgram program = new TortureProgram();
        List<Callable<Void>> phases = List.of(program::guardedMutex, program::boundedBuffer, program::nestedExecutors,
                program::timeouts, program::interrupts, program::threadChurn, program::lockingExecutors);
        CountDownLatch done = new CountDownLatch(phases.size());
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> runners = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            Callable<Void> phase = phases.get(i);
            Thread runner = new Thread(() -> {
                try {
                    phase.call();
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            }, "torture-phase-" + (i + 1));
            runners.add(runner);
            runner.start();
        }
        if (!done.await(deadlineSeconds, TimeUnit.SECONDS)) {
            System.err.println("torture: not done after " + deadlineSeconds + " s; threads:");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                System.err.println("\"" + thread.getName() + "\" " + thread.getState());
                for (StackTraceElement frame : stack) {
                    System.err.println("\tat " + frame);
                }
            });
            System.exit(3);
        }
        for (Thread runner : runners) {
            runner.join();
        }
        if (!failures.isEmpty()) {
            failures.forEach(t -> t.printStackTrace());
            System.exit(4);
        }
        StringBuilder truth = new StringBuilder("truth: program=torture");
        program.results.forEach((name, values) ->
                truth.append(' ').append(name).append(".expected=").append(values[0])
                        .append(' ').append(name).append(".actual=").append(values[1]));
        program.observed.forEach((name, value) -> truth.append(' ').append(name).append('=').append(value));
        System.out.println(truth);
    }

    private synchronized void result(String name, long expected, long actual) {
        results.put(name, new long[] {expected, actual});
    }

    private synchronized void observed(String name, long value) {
        observed.put(name, value);
    }

    /**
     * A synchronizer whose tryAcquire and tryRelease each take a ReentrantLock: j.u.c inside the acquire and release
     * the agent's hooks surround. Its inner lock is contended too, so the agent sees waits nested in other waits.
     */
    static final class GuardedMutex extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;
        private final ReentrantLock inner = new ReentrantLock();
        private long innerPasses;

        @Override
        protected boolean tryAcquire(int ignored) {
            inner.lock();
            try {
                innerPasses++;
                if (compareAndSetState(0, 1)) {
                    setExclusiveOwnerThread(Thread.currentThread());
                    return true;
                }
                return false;
            } finally {
                inner.unlock();
            }
        }

        @Override
        protected boolean tryRelease(int ignored) {
            inner.lock();
            try {
                innerPasses++;
                setExclusiveOwnerThread(null);
                setState(0);
                return true;
            } finally {
                inner.unlock();
            }
        }

        @Override
        protected boolean isHeldExclusively() {
            return getExclusiveOwnerThread() == Thread.currentThread();
        }

        Condition newCondition() {
            return new ConditionObject();
        }
    }

    /** Threads increment a plain counter under the guarded mutex; now and then one waits on its condition. */
    private Void guardedMutex() throws Exception {
        GuardedMutex mutex = new GuardedMutex();
        Condition tick = mutex.newCondition();
        long[] counter = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < MUTEX_THREADS; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < MUTEX_ROUNDS; i++) {
                    mutex.acquire(1);
                    try {
                        counter[0]++;
                        if (i % 100 == 0) {
                            tick.signalAll();
                            tick.await(50, TimeUnit.MICROSECONDS); // releases and re-acquires the mutex
                        }
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        mutex.release(1);
                    }
                }
            }, "torture-mutex-" + t));
        }
        startAndJoin(threads);
        result("mutex", (long) MUTEX_THREADS * MUTEX_ROUNDS, counter[0]);
        return null;
    }

    /** Producers and consumers on a buffer of 4 guarded by a ReentrantLock and two conditions. */
    private Void boundedBuffer() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Condition notFull = lock.newCondition();
        Condition notEmpty = lock.newCondition();
        long[] buffer = new long[4];
        int[] state = new int[3]; // head, tail, count
        AtomicLong consumedSum = new AtomicLong();
        AtomicLong consumedItems = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            threads.add(new Thread(() -> {
                for (int i = 1; i <= ITEMS_PER_PRODUCER; i++) {
                    lock.lock();
                    try {
                        while (state[2] == buffer.length) {
                            notFull.awaitUninterruptibly();
                        }
                        buffer[state[1]] = i;
                        state[1] = (state[1] + 1) % buffer.length;
                        state[2]++;
                        notEmpty.signal();
                    } finally {
                        lock.unlock();
                    }
                }
            }, "torture-producer-" + p));
        }
        long items = (long) PRODUCERS * ITEMS_PER_PRODUCER;
        AtomicLong claimed = new AtomicLong();
        for (int c = 0; c < CONSUMERS; c++) {
            threads.add(new Thread(() -> {
                while (claimed.getAndIncrement() < items) {
                    long value;
                    lock.lock();
                    try {
                        while (state[2] == 0) {
                            notEmpty.await(10, TimeUnit.MILLISECONDS);
                        }
                        value = buffer[state[0]];
                        state[0] = (state[0] + 1) % buffer.length;
                        state[2]--;
                        notFull.signal();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        lock.unlock();
                    }
                    consumedSum.addAndGet(value);
                    consumedItems.incrementAndGet();
                }
            }, "torture-consumer-" + c));
        }
        startAndJoin(threads);
        result("buffer.items", items, consumedItems.get());
        long perProducer = (long) ITEMS_PER_PRODUCER * (ITEMS_PER_PRODUCER + 1) / 2;
        result("buffer.sum", PRODUCERS * perProducer, consumedSum.get());
        return null;
    }

    /** Sums a range by forking halves down to 64 numbers. */
    static final class Sum extends RecursiveTask<Long> {
        private static final long serialVersionUID = 1L;
        private final long from;
        private final long to;

        Sum(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from <= 64) {
                long sum = 0;
                for (long i = from; i < to; i++) {
                    sum += i;
                }
                return sum;
            }
            long middle = (from + to) >>> 1;
            Sum left = new Sum(from, middle);
            left.fork();
            return new Sum(middle, to).compute() + left.join();
        }
    }

    /**
     * Outer pool tasks submit to a ForkJoinPool and wait for the results; those tasks fork subtasks and themselves
     * submit to an inner pool and wait, and CompletableFuture chains cross all three. No pool ever waits for a pool
     * that waits for it, so none can starve.
     */
    private Void nestedExecutors() throws Exception {
        ThreadPoolExecutor outer = pool(4, "torture-outer-");
        AtomicInteger middleWorkers = new AtomicInteger();
        ForkJoinPool middle = new ForkJoinPool(3, pool -> {
            java.util.concurrent.ForkJoinWorkerThread worker =
                    ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName("torture-middle-" + middleWorkers.incrementAndGet());
            return worker;
        }, null, false);
        ThreadPoolExecutor inner = pool(3, "torture-inner-");
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int task = 0; task < OUTER_TASKS; task++) {
                long base = task * 1_000L;
                results.add(outer.submit(() -> {
                    List<Future<Long>> parts = new ArrayList<>();
                    for (int part = 0; part < FORK_JOIN_PER_OUTER; part++) {
                        long from = base + part * 250L;
                        parts.add(middle.submit(() -> {
                            long forked = new Sum(from, from + 250).fork().join();
                            long check = inner.submit(() -> from).get(); // a ForkJoin worker waits on a pool
                            return forked + check - from;
                        }));
                    }
                    long sum = 0;
                    for (Future<Long> part : parts) {
                        sum += part.get();
                    }
                    long chained = CompletableFuture.supplyAsync(() -> base, inner)
                            .thenApplyAsync(b -> b + 1, middle)
                            .thenApplyAsync(b -> b - 1, inner)
                            .get(30, TimeUnit.SECONDS);
                    return sum + chained - base;
                }));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            long n = OUTER_TASKS * 1_000L;
            result("nested.sum", n * (n - 1) / 2, total);
        } finally {
            outer.shutdown();
            middle.shutdown();
            inner.shutdown();
        }
        return null;
    }

    /**
     * tryLock with a timeout: on a lock another thread holds throughout (every attempt times out), and on a lock the
     * trying threads share (almost every attempt succeeds); a semaphore without permits, whose every timed acquire
     * times out.
     */
    private Void timeouts() throws Exception {
        ReentrantLock held = new ReentrantLock();
        ReentrantLock shared = new ReentrantLock();
        long[] guarded = new long[1];
        AtomicInteger heldTimeouts = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger sharedTimeouts = new AtomicInteger();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            held.lock();
            try {
                holding.countDown();
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                held.unlock();
            }
        }, "torture-holder");
        holder.start();
        holding.await();
        List<Thread> triers = new ArrayList<>();
        for (int t = 0; t < TRY_LOCK_THREADS; t++) {
            triers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < TRY_LOCK_ATTEMPTS; i++) {
                        if (held.tryLock(100, TimeUnit.MICROSECONDS)) {
                            held.unlock();
                        } else {
                            heldTimeouts.incrementAndGet();
                        }
                        if (shared.tryLock(10, TimeUnit.MILLISECONDS)) {
                            try {
                                guarded[0]++;
                                taken.incrementAndGet();
                            } finally {
                                shared.unlock();
                            }
                        } else {
                            sharedTimeouts.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "torture-trylock-" + t));
        }
        startAndJoin(triers);
        release.countDown();
        holder.join();
        long attempts = (long) TRY_LOCK_THREADS * TRY_LOCK_ATTEMPTS;
        result("trylock.held.timeouts", attempts, heldTimeouts.get());
        result("trylock.shared.attempts", attempts, taken.get() + sharedTimeouts.get());
        result("trylock.shared.guarded", taken.get(), guarded[0]);
        observed("trylock.shared.timeouts", sharedTimeouts.get());

        Semaphore none = new Semaphore(0);
        int semaphoreTimeouts = 0;
        for (int i = 0; i < SEMAPHORE_TIMEOUTS; i++) {
            if (!none.tryAcquire(100, TimeUnit.MICROSECONDS)) {
                semaphoreTimeouts++;
            }
        }
        result("semaphore.timeouts", SEMAPHORE_TIMEOUTS, semaphoreTimeouts);
        return null;
    }

    /**
     * Threads interrupted while queued for a lock (lockInterruptibly) and while waiting on a condition: each must
     * get its InterruptedException, and the lock must still work afterwards.
     */
    private Void interrupts() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Condition never = lock.newCondition();
        AtomicInteger lockInterrupts = new AtomicInteger();
        AtomicInteger awaitInterrupts = new AtomicInteger();
        for (int round = 0; round < INTERRUPT_ROUNDS; round++) {
            lock.lock();
            Thread queued;
            try {
                queued = new Thread(() -> {
                    try {
                        lock.lockInterruptibly();
                        lock.unlock();
                    } catch (InterruptedException e) {
                        lockInterrupts.incrementAndGet();
                    }
                }, "torture-interrupted-lock");
                queued.start();
                while (!lock.hasQueuedThread(queued)) {
                    Thread.yield();
                }
                queued.interrupt();
                queued.join();
            } finally {
                lock.unlock();
            }

            Thread waiting = new Thread(() -> {
                lock.lock();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    awaitInterrupts.incrementAndGet();
                } finally {
                    lock.unlock();
                }
            }, "torture-interrupted-await");
            waiting.start();
            while (true) {
                lock.lock();
                try {
                    if (lock.hasWaiters(never)) {
                        break;
                    }
                } finally {
                    lock.unlock();
                }
                Thread.yield();
            }
            waiting.interrupt();
            waiting.join();
        }
        result("interrupt.lock", INTERRUPT_ROUNDS, lockInterrupts.get());
        result("interrupt.await", INTERRUPT_ROUNDS, awaitInterrupts.get());
        return null;
    }

    /** Thousands of short threads, a batch at a time, each taking a shared lock and a shared monitor once. */
    private Void threadChurn() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Object monitor = new Object();
        long[] underLock = new long[1];
        long[] underMonitor = new long[1];
        for (int started = 0; started < CHURN_THREADS; started += CHURN_BATCH) {
            List<Thread> batch = new ArrayList<>();
            for (int t = 0; t < CHURN_BATCH; t++) {
                batch.add(new Thread(() -> {
                    lock.lock();
                    try {
                        underLock[0]++;
                    } finally {
                        lock.unlock();
                    }
                    synchronized (monitor) {
                        underMonitor[0]++;
                    }
                }, "torture-churn-" + (started + t)));
            }
            startAndJoin(batch);
        }
        lock.lock();
        try {
            result("churn.lock", CHURN_THREADS, underLock[0]);
        } finally {
            lock.unlock();
        }
        synchronized (monitor) {
            result("churn.monitor", CHURN_THREADS, underMonitor[0]);
        }
        return null;
    }

    /** An Executor of the program's own whose execute takes a lock before it hands the task to a pool. */
    static final class LockingExecutor implements Executor {
        private final ReentrantLock lock = new ReentrantLock();
        private final Executor target;
        private long handedOver;

        LockingExecutor(Executor target) {
            this.target = target;
        }

        @Override
        public void execute(Runnable task) {
            lock.lock();
            try {
                handedOver++;
                target.execute(task);
            } finally {
                lock.unlock();
            }
        }

        long handedOver() {
            lock.lock();
            try {
                return handedOver;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Executors whose own code takes locks around the agent's hooks: the LockingExecutor, a pool whose
     * beforeExecute and afterExecute take a lock, and a scheduler running a periodic task.
     */
    private Void lockingExecutors() throws Exception {
        ReentrantLock hooks = new ReentrantLock();
        AtomicLong before = new AtomicLong();
        AtomicLong after = new AtomicLong();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(3, 3, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("torture-hooked-")) {
            @Override
            protected void beforeExecute(Thread worker, Runnable task) {
                hooks.lock();
                try {
                    before.incrementAndGet();
                } finally {
                    hooks.unlock();
                }
            }

            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                hooks.lock();
                try {
                    after.incrementAndGet();
                } finally {
                    hooks.unlock();
                }
            }
        };
        LockingExecutor locking = new LockingExecutor(pool);
        int tasks = 2_000;
        CountDownLatch ran = new CountDownLatch(tasks);
        List<Thread> submitters = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            submitters.add(new Thread(() -> {
                for (int i = 0; i < tasks / 4; i++) {
                    locking.execute(ran::countDown);
                }
            }, "torture-submitter-" + s));
        }
        startAndJoin(submitters);
        if (!ran.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("hooked pool tasks did not run");
        }
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("hooked pool did not stop");
        }
        result("locking.handedOver", tasks, locking.handedOver());
        result("hooked.before", tasks, before.get());
        result("hooked.after", tasks, after.get());

        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, named("torture-scheduler-"));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(PERIODIC_RUNS);
        ScheduledFuture<?> periodic = scheduler.scheduleAtFixedRate(() -> {
            runs.incrementAndGet();
            enough.countDown();
        }, 0, 1, TimeUnit.MILLISECONDS);
        if (!enough.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("periodic task did not run");
        }
        periodic.cancel(false);
        scheduler.shutdown();
        if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("scheduler did not stop");
        }
        result("periodic.atLeast", PERIODIC_RUNS, Math.min(PERIODIC_RUNS, runs.get()));
        return null;
    }

    private static ThreadPoolExecutor pool(int threads, String prefix) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named(prefix));
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> new Thread(task, prefix + next.incrementAndGet());
    }

    private static void startAndJoin(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
