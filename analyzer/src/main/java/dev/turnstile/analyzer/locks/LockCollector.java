package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.ThreadCount;
import dev.turnstile.analyzer.profiler.WallSamples;
import dev.turnstile.analyzer.stacks.Stack;
import dev.turnstile.analyzer.stacks.StackResolver;
import dev.turnstile.analyzer.threads.ThreadCpu;
import dev.turnstile.analyzer.threads.Threads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * Builds the per-lock model from monitor-enter events (JDK) and lock-wait events (agent) during the
 * streaming pass, and the lock reports once the whole recording has been read.
 */
public final class LockCollector {
    /** Waiting on these is waiting for a signal, not contention for a lock. */
    private static final Set<String> SIGNAL_SYNCHRONIZERS = Set.of("java.util.concurrent.CountDownLatch");
    private static final int STACKS_SHOWN = 5;
    private static final int OWNERS_SHOWN = 5;
    /**
     * Waits kept with their holder until the holders' samples are read (32 bytes each, about 32 MB in all);
     * beyond that, holder states come from the waits kept and the rest are counted in {@link #unattributedWaits}.
     */
    static final int MAX_HOLDER_WAITS = 1_000_000;

    private final StackResolver stacks;
    private final Map<LockKey, LockAccumulator> locks = new HashMap<>();
    private long holderWaits;
    private long unattributedWaits;

    public LockCollector(StackResolver stacks) {
        this.stacks = stacks;
    }

    public void onMonitorEnter(RecordedEvent event) {
        RecordedClass monitorClass = event.getValue(JdkEvents.MONITOR_ENTER_CLASS);
        long address = event.hasField(JdkEvents.MONITOR_ENTER_ADDRESS) ? event.getLong(JdkEvents.MONITOR_ENTER_ADDRESS) : 0;
        RecordedThread previousOwner = event.getValue(JdkEvents.MONITOR_ENTER_PREVIOUS_OWNER);
        add(new LockKey(LockKind.MONITOR, className(monitorClass), address), event, previousOwner);
    }

    public void onLockWait(RecordedEvent event) {
        String lockClass = lockClassOf(className(event.getValue(TurnstileEvents.LOCK_WAIT_SYNCHRONIZER_CLASS)));
        if (SIGNAL_SYNCHRONIZERS.contains(lockClass)) {
            return;
        }
        RecordedThread owner = event.getValue(TurnstileEvents.LOCK_WAIT_OWNER);
        add(new LockKey(LockKind.JUC, lockClass, event.getLong(TurnstileEvents.LOCK_WAIT_LOCK_ID)), event, owner);
    }

    private void add(LockKey key, RecordedEvent event, RecordedThread owner) {
        Stack stack = stacks.resolve(event.getStackTrace());
        if (stack.agentWork()) {
            return; // the agent's own waits (e.g. while it starts) are not the program's contention
        }
        long start = Threads.epochNanos(event.getStartTime());
        long end = Threads.epochNanos(event.getEndTime());
        RecordedThread waiter = event.getThread();
        LockAccumulator lock = locks.computeIfAbsent(key, LockAccumulator::new);
        lock.addWait(start, end, Threads.id(waiter), Threads.id(owner), owner == null ? null : Threads.name(owner),
                stack);
        if (owner != null && owner.getOSThreadId() > 0) {
            if (holderWaits < MAX_HOLDER_WAITS) {
                lock.holderWindows.addAcquisition(end);
                lock.holderWindows.addWait(start, end, owner.getOSThreadId());
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

    /** @return one report per lock, the most waited-for first */
    public List<LockReport> reports(long windowNanos, ThreadCpu cpu, int cpus, WallSamples samples) {
        List<LockReport> reports = new ArrayList<>();
        for (LockAccumulator lock : locks.values()) {
            HolderStates holders = samples.isEmpty() ? null : lock.holderWindows.states(samples);
            reports.add(report(lock, windowNanos, cpu, cpus, holders));
        }
        reports.sort(Comparator.comparingLong(LockReport::waitNanos).reversed());
        return reports;
    }

    private static LockReport report(LockAccumulator lock, long windowNanos, ThreadCpu cpu, int cpus,
                                     HolderStates holders) {
        double window = Math.max(1, windowNanos);
        List<StackSummary> waiterStacks = lock.waiterStacks.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Stack, long[]> e) -> e.getValue()[1]).reversed())
                .limit(STACKS_SHOWN)
                .map(e -> new StackSummary(e.getKey().frames(), e.getValue()[0], e.getValue()[1]))
                .toList();
        String criticalSection = lock.waiterStacks.entrySet().stream()
                .max(Comparator.comparingLong(e -> e.getValue()[1]))
                .map(e -> e.getKey().callSite())
                .orElse("(no stack)");
        List<ThreadCount> owners = lock.ownerNames.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(OWNERS_SHOWN)
                .map(e -> new ThreadCount(e.getKey(), e.getValue()))
                .toList();
        Set<Long> users = new HashSet<>(lock.waitingThreads);
        users.addAll(lock.ownerThreads);
        return new LockReport(lock.key.kind(), lock.key.lockClass(), lock.key.idText(), lock.waits, lock.waitNanos,
                lock.maxWaitNanos, lock.waitNanos / window, Math.min(1.0, lock.queued.covered() / window),
                lock.waitingThreads.size(), owners, criticalSection, waiterStacks, cpu.parallelism(users, cpus),
                holders);
    }

    /**
     * The class users know a lock by. Synchronizers are usually nested in it (ReentrantLock$NonfairSync,
     * ThreadPoolExecutor$Worker); a top-level synchronizer is the lock itself. Done here rather than in the
     * agent, which records the synchronizer's class as it finds it, at no cost.
     */
    static String lockClassOf(String synchronizerClass) {
        int nested = synchronizerClass.indexOf('$');
        return nested > 0 ? synchronizerClass.substring(0, nested) : synchronizerClass;
    }

    private static String className(RecordedClass type) {
        return type == null ? "(unknown class)" : type.getName();
    }
}
