package dev.turnstile.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Times the periods a virtual thread spends unmounted, blocked on monitor enter (JDK 24+). The JDK runs no Java
 * code on the virtual thread between the block and the moment it holds the monitor, so the two ends are taken on
 * carriers: {@link #unmounted} right after it unmounts, {@link #mounting} when a carrier is about to run it again.
 * Between the two the pending event waits in a fixed-size table keyed by the virtual thread; when the table is
 * full the period is not recorded and counted as lost.
 *
 * <p>A finished period is not committed in {@code mount()}: JFR loses most events committed there (measured on
 * JDK 25: 20 of 200), while the same events committed from another thread are all kept. So finished events wait in
 * a second fixed-size table until {@link #flush}, which JFR's periodic thread calls every second and at the end of
 * every chunk; what does not fit there is counted as lost too.
 */
public final class VirtualThreadBlocks {
    /** Off until the recording runs and the threads module is installed. */
    public static volatile boolean enabled;

    /**
     * {@code jdk.internal.vm.Continuation.stackWalker(Set)}, bound by the agent when the JDK lets it, so that the
     * stack of an unmounted virtual thread can be read; null otherwise.
     */
    public static volatile MethodHandle continuationWalker;

    static final int SLOTS = 8192;
    private static final int PROBES = 32;

    /**
     * Reading an unmounted virtual thread's stack takes the JDK's stack walker tens of microseconds (75 us median
     * measured on a busy 2-CPU machine, 15-20 us in isolation), delaying the thread it describes. So stacks are
     * read for at most one recorded period per interval, and only their top frames, which name the critical
     * section: the cost stays under about 1 % of one CPU however many virtual threads wait.
     */
    private static final long STACK_INTERVAL_NANOS = 10_000_000;
    private static final int MAX_FRAMES = 16;
    private static final AtomicLong NEXT_STACK = new AtomicLong(Long.MIN_VALUE);

    private static final AtomicReferenceArray<Thread> WAITERS = new AtomicReferenceArray<>(SLOTS);
    /** Written only by the thread that claimed the slot in WAITERS, read after finding it there. */
    private static final VirtualThreadBlockedEvent[] EVENTS = new VirtualThreadBlockedEvent[SLOTS];
    /** Lets {@link #mounting}, which runs on every resume of every virtual thread, skip the table when it is empty. */
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static final AtomicLong LOST = new AtomicLong();

    private static final int FINISHED_SLOTS = 16384;
    private static final AtomicReferenceArray<VirtualThreadBlockedEvent> FINISHED =
            new AtomicReferenceArray<>(FINISHED_SLOTS);
    private static final AtomicInteger FINISHED_COUNT = new AtomicInteger();
    private static final AtomicInteger NEXT_FINISHED = new AtomicInteger();

    private VirtualThreadBlocks() {
    }

    /**
     * On the carrier, right after {@code vthread} unmounted for any reason; only a block on monitor enter (the
     * state the JDK reports as BLOCKED at that point) starts a period. Thread.getState() of a virtual thread is
     * JDK code that only reads its state field.
     */
    public static void unmounted(Thread vthread) {
        if (!enabled || vthread.getState() != Thread.State.BLOCKED) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            VirtualThreadBlockedEvent event = new VirtualThreadBlockedEvent();
            if (!event.isEnabled()) {
                return;
            }
            event.begin();
            int home = System.identityHashCode(vthread);
            for (int i = 0; i < PROBES; i++) {
                int slot = (home + i) & (SLOTS - 1);
                if (WAITERS.compareAndSet(slot, null, vthread)) {
                    EVENTS[slot] = event;
                    PENDING.incrementAndGet();
                    return;
                }
            }
            LOST.incrementAndGet();
        } finally {
            inside[0] = false;
        }
    }

    /**
     * On the carrier that is about to mount {@code vthread}: it owns the virtual thread now, which stays unmounted
     * until this returns, so its frozen stack can be read safely.
     *
     * @param continuation the virtual thread's continuation, for its stack
     */
    public static void mounting(Thread vthread, Object continuation) {
        if (PENDING.get() == 0) {
            return;
        }
        int slot = slotOf(vthread);
        if (slot < 0) {
            return;
        }
        VirtualThreadBlockedEvent event = EVENTS[slot];
        EVENTS[slot] = null;
        WAITERS.set(slot, null);
        PENDING.decrementAndGet();
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            event.end();
            if (event.shouldCommit()) {
                event.virtualThread = vthread;
                event.blockedAt = stackOf(continuation);
                keepUntilFlush(event);
            }
        } finally {
            inside[0] = false;
        }
    }

    /**
     * Drops pending and finished periods, so no virtual thread stays referenced once the hooks that would have
     * ended its period are gone, and lets go of the agent's stack walker (see {@link Bridge#endSession}).
     */
    static void clear() {
        continuationWalker = null;
        for (int slot = 0; slot < SLOTS; slot++) {
            WAITERS.set(slot, null);
            EVENTS[slot] = null;
        }
        PENDING.set(0);
        for (int slot = 0; slot < FINISHED_SLOTS; slot++) {
            FINISHED.set(slot, null);
        }
        FINISHED_COUNT.set(0);
        LOST.set(0);
    }

    /** Blocked periods not recorded since the agent started, because the table was full. */
    static long lost() {
        return LOST.get();
    }

    private static void keepUntilFlush(VirtualThreadBlockedEvent event) {
        int start = NEXT_FINISHED.getAndIncrement();
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & (FINISHED_SLOTS - 1);
            if (FINISHED.compareAndSet(slot, null, event)) {
                FINISHED_COUNT.incrementAndGet();
                return;
            }
        }
        LOST.incrementAndGet();
    }

    /** Commits the finished periods, from a thread where JFR keeps them: its periodic thread. */
    public static void flush() {
        if (FINISHED_COUNT.get() == 0) {
            return;
        }
        boolean[] inside = ReentryGuard.tryEnter();
        if (inside == null) {
            return;
        }
        try {
            for (int slot = 0; slot < FINISHED_SLOTS; slot++) {
                VirtualThreadBlockedEvent event = FINISHED.get(slot);
                if (event != null && FINISHED.compareAndSet(slot, event, null)) {
                    FINISHED_COUNT.decrementAndGet();
                    event.lost = LOST.get();
                    event.commit();
                }
            }
        } finally {
            inside[0] = false;
        }
    }

    /** True for at most one caller per {@link #STACK_INTERVAL_NANOS}. */
    private static boolean stackDue() {
        long now = System.nanoTime();
        long next = NEXT_STACK.get();
        return (next == Long.MIN_VALUE || now - next >= 0) && NEXT_STACK.compareAndSet(next, now + STACK_INTERVAL_NANOS);
    }

    private static int slotOf(Thread vthread) {
        int home = System.identityHashCode(vthread);
        for (int i = 0; i < PROBES; i++) {
            int slot = (home + i) & (SLOTS - 1);
            if (WAITERS.get(slot) == vthread) {
                return slot;
            }
        }
        return -1;
    }

    private static String stackOf(Object continuation) {
        MethodHandle walker = continuationWalker;
        if (walker == null || continuation == null || !stackDue()) {
            return "";
        }
        try {
            StackWalker stack = (StackWalker) walker.invoke(continuation, Set.of());
            return stack.walk(frames -> {
                StringBuilder text = new StringBuilder();
                frames.limit(MAX_FRAMES).forEach(frame -> {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(frame.getClassName()).append('.').append(frame.getMethodName())
                            .append(':').append(frame.getLineNumber());
                });
                return text.toString();
            });
        } catch (Throwable unreadable) {
            return "";
        }
    }
}
