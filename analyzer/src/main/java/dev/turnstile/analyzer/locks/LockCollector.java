package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.jfr.JfrThread;
import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.LockKindStats;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.profiler.WallSamples;
import dev.turnstile.analyzer.stacks.Stack;
import dev.turnstile.analyzer.stacks.StackResolver;
import dev.turnstile.analyzer.threads.ProcessCpu;
import dev.turnstile.analyzer.threads.ThreadCpu;
import dev.turnstile.analyzer.threads.Threads;
import dev.turnstile.analyzer.time.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the per-lock model from monitor-enter events (JDK) and lock-wait events (agent) during the
 * streaming pass, with the agent's exact totals and sampled holder stacks, and the lock reports once the whole
 * recording has been read.
 */
public final class LockCollector {
    /** Waiting on these is waiting for a signal, not contention for a lock. */
    private static final Set<String> SIGNAL_SYNCHRONIZERS = Set.of("java.util.concurrent.CountDownLatch");
    /** Locks whose holder stacks are kept; releases are sampled, so this bounds memory, not accuracy. */
    private static final int MAX_LOCKS_WITH_HOLDERS = 4096;
    /**
     * Locks analysed; waits for further ones are only counted. A monitor's address changes when the collector moves
     * its object, so a long recording can name one monitor many times: this keeps memory bounded all the same.
     */
    static final int MAX_LOCKS = 65_536;

    private final StackResolver stacks;
    private final Map<LockKey, LockAccumulator> locks = new HashMap<>();
    private final LockTotals totals = new LockTotals();
    /** Per j.u.c lock id: holder stacks seen in sampled releases to waiters, with their counts. */
    private final Map<Long, StackCounts> holders = new HashMap<>();
    private long untrackedWaits;
    /**
     * Waits kept with their holder until the holders' samples are read (32 bytes each, about 32 MB in all);
     * beyond that, holder states come from the waits kept and the rest are counted in {@link #unattributedWaits}.
     */
    static final int MAX_HOLDER_WAITS = 1_000_000;
    private long holderWaits;
    private long unattributedWaits;
    /** Wait spans kept for clipping to the window (16 bytes each, 16 MB in all); later waits count whole. */
    static final int MAX_WAIT_SPANS = 1_000_000;
    private long waitSpans;
    private long unclippedWaits;

    public LockCollector(StackResolver stacks) {
        this.stacks = stacks;
    }

    public void onMonitorEnter(EventView event) {
        long address = event.hasField(JdkEvents.MONITOR_ENTER_ADDRESS) ? event.getLong(JdkEvents.MONITOR_ENTER_ADDRESS) : 0;
        JfrThread previousOwner = event.getThread(JdkEvents.MONITOR_ENTER_PREVIOUS_OWNER);
        LockKey key = new LockKey(LockKind.MONITOR, event.className(JdkEvents.MONITOR_ENTER_CLASS), address);
        add(key, event, previousOwner);
    }

    public void onLockWait(EventView event) {
        String lockClass = lockClassOf(event.className(TurnstileEvents.LOCK_WAIT_SYNCHRONIZER_CLASS));
        if (isSignal(lockClass)) {
            return;
        }
        JfrThread owner = ownerOf(event);
        add(new LockKey(LockKind.JUC, lockClass, event.getLong(TurnstileEvents.LOCK_WAIT_LOCK_ID)), event, owner);
    }

    /** The holder's side of a j.u.c lock's contention: where it was when it handed the lock to a waiter. */
    public void onLockRelease(EventView event) {
        long lockId = event.getLong(TurnstileEvents.LOCK_RELEASE_LOCK_ID);
        StackCounts counts = holders.get(lockId);
        if (counts == null) {
            if (holders.size() >= MAX_LOCKS_WITH_HOLDERS) {
                return;
            }
            counts = new StackCounts();
            holders.put(lockId, counts);
        }
        Stack stack = stacks.resolve(event.stackTrace());
        if (!stack.agentWork()) {
            counts.add(stack, 1, 0);
        }
    }

    public void onLockStatistics(EventView event) {
        totals.onLockStatistics(event);
    }

    public void onLockCounts(EventView event) {
        totals.onLockCounts(event);
    }

    /** The thread that held the lock when a turnstile.LockWait began, or null; read from either schema. */
    public static JfrThread ownerOf(EventView lockWait) {
        return lockWait.hasField(TurnstileEvents.LOCK_WAIT_OWNER_THREAD_ID)
                ? lockWait.getThreadById(TurnstileEvents.LOCK_WAIT_OWNER_THREAD_ID)
                : lockWait.getThread(TurnstileEvents.LOCK_WAIT_OWNER);
    }

    public static boolean isSignal(String lockClass) {
        return SIGNAL_SYNCHRONIZERS.contains(lockClass);
    }

    private void add(LockKey key, EventView event, JfrThread owner) {
        Stack stack = stacks.resolve(event.stackTrace());
        if (stack.agentWork()) {
            return; // the agent's own waits (e.g. while it starts) are not the program's contention
        }
        long start = event.startNanos();
        long end = event.endNanos();
        JfrThread waiter = event.thread();
        if (locks.size() >= MAX_LOCKS && !locks.containsKey(key)) {
            untrackedWaits++;
            return;
        }
        LockAccumulator lock = locks.computeIfAbsent(key, LockAccumulator::new);
        lock.addWait(start, end, Threads.id(waiter), Threads.id(owner), owner == null ? null : Threads.name(owner),
                stack);
        boolean room = waitSpans < MAX_WAIT_SPANS;
        lock.keepSpan(start, end, room);
        if (room) {
            waitSpans++;
        } else {
            unclippedWaits++;
        }
        if (owner != null && owner.osThreadId() > 0) {
            if (holderWaits < MAX_HOLDER_WAITS) {
                lock.holderWindows.addAcquisition(end);
                lock.holderWindows.addWait(start, end, owner.osThreadId());
                holderWaits++;
            } else {
                unattributedWaits++;
            }
        } else if (holderWaits < MAX_HOLDER_WAITS) {
            lock.holderWindows.addAcquisition(end);
        }
    }

    /** Waits with a holder left out of the holders' states because too many were kept already. */
    public long unattributedWaits() {
        return unattributedWaits;
    }

    /** @return one report per lock, the most waited-for first; only the first few carry a timeline */
    public List<LockReport> reports(Window window, ThreadCpu cpu, ProcessCpu processCpu, int cpus,
                                    WallSamples samples) {
        Map<String, LockKindStats> kinds = new HashMap<>();
        for (LockKindStats kind : lockKinds(window)) {
            kinds.put(kind.kind(), kind);
        }
        LockReports builder = new LockReports(window, cpu, processCpu, cpus, totals, kinds);
        List<LockReport> reports = new ArrayList<>();
        for (LockAccumulator lock : locks.values()) {
            HolderStates holderStates = samples.isEmpty() ? null : lock.holderWindows.states(samples);
            reports.add(builder.report(lock, holders.get(lock.key.id()), holderStates));
        }
        reports.sort(Comparator.comparingLong(LockReport::waitNanos).reversed());
        for (int i = LockReports.TIMELINES_KEPT; i < reports.size(); i++) {
            reports.set(i, LockReports.withoutTimeline(reports.get(i)));
        }
        return reports;
    }

    /** What the reader should know about the lock numbers' limits, one sentence each. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (untrackedWaits > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "More than %,d different locks were waited for: %,d waits"
                    + " for further locks are left out of the per-lock numbers.", MAX_LOCKS, untrackedWaits));
        }
        if (unclippedWaits > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "Mean waiters count %,d waits whole even where they reach"
                    + " outside the observed window: the analyzer keeps %,d waits for clipping to it.", unclippedWaits,
                    MAX_WAIT_SPANS));
        }
        return notes;
    }

    /** Acquisitions and contention per kind of java.util.concurrent lock; empty without the agent's counts. */
    public List<LockKindStats> lockKinds(Window window) {
        return totals.kinds(window.durationNanos());
    }

    /** The longest wait of each of the {@code count} locks whose longest waits were longest, longest first. */
    public List<LongWait> longestWaits(int count) {
        return locks.values().stream()
                .filter(lock -> lock.longest != null)
                .sorted(Comparator.comparingLong((LockAccumulator lock) -> lock.maxWaitNanos).reversed())
                .limit(count)
                .map(lock -> new LongWait(lock.key, lock.longest.startNanos(), lock.longest.endNanos(),
                        lock.longest.threadId(), lock.longest.ownerId()))
                .toList();
    }

    /** A lock's longest wait, for the wait-for chains. */
    public record LongWait(LockKey lock, long startNanos, long endNanos, long waiterId, long ownerId) {
    }

    /**
     * The class users know a lock by. Synchronizers are usually nested in it (ReentrantLock$NonfairSync,
     * ThreadPoolExecutor$Worker); a top-level synchronizer is the lock itself. Done here rather than in the
     * agent, which records the synchronizer's class as it finds it, at no cost.
     */
    public static String lockClassOf(String synchronizerClass) {
        int nested = synchronizerClass.indexOf('$');
        return nested > 0 ? synchronizerClass.substring(0, nested) : synchronizerClass;
    }

}
