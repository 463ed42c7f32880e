package dev.turnstile.analyzer.herds;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.jfr.JfrThread;
import dev.turnstile.analyzer.locks.LockCollector;
import dev.turnstile.analyzer.locks.LockKey;
import dev.turnstile.analyzer.model.HerdReport;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.stacks.StackResolver;
import dev.turnstile.analyzer.threads.Threads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wake-ups from Object.wait (jdk.JavaMonitorWait) and Condition.await (turnstile.ConditionWait), and which of them
 * were wasted: the thread waited again on the same monitor or lock at once, having found nothing to do. A thread's
 * own events reach the file in the order it wrote them, so each wait is compared with the same thread's previous one.
 */
public final class HerdCollector {
    /**
     * A thread that waits again within this time of waking did no work in between: it checked its condition and went
     * back. Measured on a 2-CPU machine: such re-waits take 2-60 us; a consumer doing even a little work takes longer.
     */
    public static final long REWAIT_NANOS = 100_000;
    /** Monitors and locks reported, those with the most wasted wake-ups. */
    public static final int REPORTED = 20;
    /** Monitors and locks tracked; waits on further ones are not analysed. */
    private static final int MAX_LOCKS = 4096;
    /** Threads whose last wait is remembered; when full, it is cleared (a wake-up or two goes uncounted). */
    private static final int MAX_THREADS = 65_536;

    private final StackResolver stacks;
    private final Map<LockKey, HerdAccumulator> locks = new HashMap<>();
    private final Map<Long, LastWait> lastWaits = new HashMap<>();

    public HerdCollector(StackResolver stacks) {
        this.stacks = stacks;
    }

    public void onMonitorWait(EventView event) {
        LockKey key = new LockKey(LockKind.MONITOR, event.className(JdkEvents.MONITOR_WAIT_CLASS),
                event.getLong(JdkEvents.MONITOR_WAIT_ADDRESS));
        JfrThread notifier = event.getThread(JdkEvents.MONITOR_WAIT_NOTIFIER);
        boolean notified = notifier != null && !event.getBoolean(JdkEvents.MONITOR_WAIT_TIMED_OUT);
        onWait(key, event, notified);
    }

    public void onConditionWait(EventView event) {
        String lockClass = LockCollector.lockClassOf(
                event.className(TurnstileEvents.CONDITION_WAIT_SYNCHRONIZER_CLASS));
        LockKey key = new LockKey(LockKind.JUC, lockClass, event.getLong(TurnstileEvents.CONDITION_WAIT_LOCK_ID));
        // Agents before the field was added cannot tell a timeout from a signal: take every wake-up as signalled.
        boolean timedOut = event.hasField(TurnstileEvents.CONDITION_WAIT_TIMED_OUT)
                && event.getBoolean(TurnstileEvents.CONDITION_WAIT_TIMED_OUT);
        onWait(key, event, !timedOut);
    }

    /** JDK 25+: a notify or notifyAll call, with how many threads it woke. */
    public void onMonitorNotify(EventView event) {
        int woken = event.getInt(JdkEvents.MONITOR_NOTIFY_NOTIFIED_COUNT);
        if (woken <= 0) {
            return;
        }
        LockKey key = new LockKey(LockKind.MONITOR, event.className(JdkEvents.MONITOR_NOTIFY_CLASS),
                event.getLong(JdkEvents.MONITOR_NOTIFY_ADDRESS));
        HerdAccumulator lock = accumulator(key);
        if (lock != null) {
            lock.addNotify(woken);
        }
    }

    private void onWait(LockKey key, EventView event, boolean notified) {
        long threadId = Threads.id(event.thread());
        long start = event.startNanos();
        long end = event.endNanos();
        HerdAccumulator lock = accumulator(key);
        LastWait previous = lastWaits.get(threadId);
        if (lock != null && previous != null && previous.notified && previous.key.equals(key)) {
            long gap = start - previous.endNanos;
            if (gap >= 0 && gap <= REWAIT_NANOS) {
                lock.addWasted(gap);
            }
        }
        if (lock != null && notified) {
            lock.addWakeup(threadId, end, stacks.resolve(event.stackTrace()));
        }
        if (lastWaits.size() >= MAX_THREADS && !lastWaits.containsKey(threadId)) {
            lastWaits.clear();
        }
        lastWaits.put(threadId, new LastWait(key, end, notified));
    }

    private HerdAccumulator accumulator(LockKey key) {
        HerdAccumulator lock = locks.get(key);
        if (lock == null && locks.size() < MAX_LOCKS) {
            lock = new HerdAccumulator(key);
            locks.put(key, lock);
        }
        return lock;
    }

    /** @return one report per monitor or lock with wasted wake-ups, the most wasted first, at most {@link #REPORTED} */
    public List<HerdReport> reports() {
        List<HerdReport> reports = new ArrayList<>();
        for (HerdAccumulator lock : locks.values()) {
            if (lock.wasted > 0) {
                reports.add(lock.report(REWAIT_NANOS));
            }
        }
        // ties by lock, so the same recording always lists its herds in the same order
        reports.sort(Comparator.comparingLong(HerdReport::wastedWakeups).reversed()
                .thenComparing(Comparator.comparingLong(HerdReport::wakeups).reversed())
                .thenComparing(HerdReport::lockClass, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(HerdReport::id, Comparator.nullsFirst(Comparator.naturalOrder())));
        return reports.size() > REPORTED ? List.copyOf(reports.subList(0, REPORTED)) : reports;
    }


    private record LastWait(LockKey key, long endNanos, boolean notified) {
    }
}
