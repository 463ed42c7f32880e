package dev.turnstile.analyzer.chains;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.ThreadWaits;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.jfr.JfrClass;
import dev.turnstile.analyzer.jfr.JfrThread;
import dev.turnstile.analyzer.locks.LockCollector;
import dev.turnstile.analyzer.locks.LockKey;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.stacks.Stack;
import dev.turnstile.analyzer.stacks.StackResolver;
import dev.turnstile.analyzer.threads.Threads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each thread was blocked in, and when: lock waits (with the holder), sleeps, blocking I/O and waits for a
 * signal, so that the holder of a lock can be looked up at the time someone waited for it. Only intervals of at least
 * {@link #minNanos} are kept, at most {@link #CAPACITY} of them: when full, the shortest are dropped and the minimum
 * doubles. The chains the analysis follows are those of the longest waits, and what a holder did during a long wait
 * is a long interval too, so what is dropped is what matters least.
 */
public final class BlockingIndex implements ThreadWaits {
    static final int CAPACITY = 100_000;
    static final long INITIAL_MIN_NANOS = 1_000_000;
    private static final int MAX_NAMES = 100_000;

    /** What a thread was doing in an interval, from the most telling to the least. */
    public enum State {
        BLOCKED("blocked"), SLEEPING("sleeping"), IO("io"), WAITING("waiting");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    /** One interval a thread spent blocked; for BLOCKED, on which lock and behind which holder. */
    record Blocking(long startNanos, long endNanos, State state, LockKey lock, long ownerId, Stack stack) {
    }

    private final StackResolver stacks;
    private final Map<Long, List<Blocking>> byThread = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private long minNanos = INITIAL_MIN_NANOS;
    private int size;

    public BlockingIndex(StackResolver stacks) {
        this.stacks = stacks;
    }

    @Override
    public void onMonitorEnter(EventView event) {
        if (tooShort(event)) {
            return;
        }
        LockKey lock = new LockKey(LockKind.MONITOR, event.className(JdkEvents.MONITOR_ENTER_CLASS),
                event.hasField(JdkEvents.MONITOR_ENTER_ADDRESS) ? event.getLong(JdkEvents.MONITOR_ENTER_ADDRESS) : 0);
        add(event, State.BLOCKED, lock, event.getThread(JdkEvents.MONITOR_ENTER_PREVIOUS_OWNER));
    }

    @Override
    public void onLockWait(EventView event) {
        if (tooShort(event)) {
            return;
        }
        String lockClass = LockCollector.lockClassOf(event.className(TurnstileEvents.LOCK_WAIT_SYNCHRONIZER_CLASS));
        LockKey lock = new LockKey(LockKind.JUC, lockClass, event.getLong(TurnstileEvents.LOCK_WAIT_LOCK_ID));
        boolean signal = LockCollector.isSignal(lockClass);
        add(event, signal ? State.WAITING : State.BLOCKED, signal ? null : lock,
                LockCollector.ownerOf(event));
    }

    /** Object.wait, Condition.await: waiting for a signal. */
    @Override
    public void onSignalWait(EventView event) {
        if (!tooShort(event)) {
            add(event, State.WAITING, null, null);
        }
    }

    /**
     * Parks outside locks and conditions (Phaser, futures, LockSupport.parkNanos) are waits too; parks inside
     * java.util.concurrent locks and conditions are the same waits as the agent's turnstile.LockWait and
     * turnstile.ConditionWait, which say more, so they are skipped.
     */
    @Override
    public void onPark(EventView event) {
        if (tooShort(event)) {
            return;
        }
        JfrClass parkedOn = event.getJavaClass(JdkEvents.THREAD_PARK_PARKED_CLASS);
        if (parkedOn == null || !Frames.isLockImplementation(parkedOn.name() + ".")) {
            add(event, State.WAITING, null, null);
        }
    }

    @Override
    public void onSleep(EventView event) {
        if (!tooShort(event)) {
            add(event, State.SLEEPING, null, null);
        }
    }

    @Override
    public void onIo(EventView event) {
        if (!tooShort(event)) {
            add(event, State.IO, null, null);
        }
    }

    /** Most events are short: they are dropped before anything else is read from them. */
    private boolean tooShort(EventView event) {
        return event.durationNanos() < minNanos;
    }

    private void add(EventView event, State state, LockKey lock, JfrThread owner) {
        JfrThread thread = event.thread();
        if (thread == null) {
            return;
        }
        long threadId = Threads.id(thread);
        long ownerId = Threads.id(owner);
        // Names are needed for the threads in chains: those of kept intervals and their holders.
        remember(threadId, thread);
        remember(ownerId, owner);
        long start = event.startNanos();
        long end = event.endNanos();
        Stack stack = stacks.resolve(event.stackTrace());
        byThread.computeIfAbsent(threadId, id -> new ArrayList<>())
                .add(new Blocking(start, end, state, lock, ownerId, stack));
        if (++size > CAPACITY) {
            dropShortest();
        }
    }

    private void remember(long id, JfrThread thread) {
        if (thread != null && names.size() < MAX_NAMES && !names.containsKey(id)) {
            names.put(id, Threads.name(thread));
        }
    }

    private void dropShortest() {
        while (size > CAPACITY / 2) {
            minNanos *= 2;
            size = 0;
            for (List<Blocking> intervals : byThread.values()) {
                intervals.removeIf(b -> b.endNanos - b.startNanos < minNanos);
                size += intervals.size();
            }
        }
        byThread.values().removeIf(List::isEmpty);
    }

    /** The shortest interval kept now. */
    long minNanos() {
        return minNanos;
    }

    String name(long threadId) {
        String name = names.get(threadId);
        return name != null ? name : "thread " + threadId;
    }

    /**
     * The interval in which {@code threadId} spent most of [from, to), a more telling state winning a tie; null if it
     * had none recorded there. Waits for {@code sameLock} are left out: a holder that queued for the very lock it then
     * held was waiting alongside the waiter, not holding it up.
     */
    Blocking mostOf(long threadId, long from, long to, LockKey sameLock) {
        List<Blocking> intervals = byThread.get(threadId);
        if (intervals == null) {
            return null;
        }
        Blocking best = null;
        long bestOverlap = 0;
        for (Blocking b : intervals) {
            if (b.lock != null && b.lock.id() == sameLock.id() && b.lock.kind() == sameLock.kind()) {
                continue;
            }
            long overlap = Math.min(b.endNanos, to) - Math.max(b.startNanos, from);
            if (overlap > bestOverlap || overlap > 0 && overlap == bestOverlap && b.state.ordinal() < best.state.ordinal()) {
                best = b;
                bestOverlap = overlap;
            }
        }
        return best;
    }

}
