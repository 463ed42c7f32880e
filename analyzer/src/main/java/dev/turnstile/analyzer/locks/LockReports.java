package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockCapacity;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.LockKindStats;
import dev.turnstile.analyzer.model.LockRates;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Phase;
import dev.turnstile.analyzer.model.Quadrant;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.ThreadCount;
import dev.turnstile.analyzer.model.Timeline;
import dev.turnstile.analyzer.stacks.Stack;
import dev.turnstile.analyzer.threads.ProcessCpu;
import dev.turnstile.analyzer.threads.ThreadCpu;
import dev.turnstile.analyzer.time.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns what the pass gathered about one lock into its report: every per-lock metric of DESIGN.md it supports. */
final class LockReports {
    /** The locks waited for most carry a timeline; the rest would only make reports longer. */
    static final int TIMELINES_KEPT = 10;
    private static final int STACKS_SHOWN = 5;
    private static final int OWNERS_SHOWN = 5;

    private final Window window;
    private final ThreadCpu cpu;
    private final ProcessCpu processCpu;
    private final int cpus;
    private final LockTotals totals;
    private final Map<String, LockKindStats> kinds;

    LockReports(Window window, ThreadCpu cpu, ProcessCpu processCpu, int cpus, LockTotals totals,
                Map<String, LockKindStats> kinds) {
        this.window = window;
        this.cpu = cpu;
        this.processCpu = processCpu;
        this.cpus = cpus;
        this.totals = totals;
        this.kinds = kinds;
    }

    LockReport report(LockAccumulator lock, StackCounts holders, HolderStates holderStates) {
        double windowNanos = Math.max(1, window.durationNanos());
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

        // Waits can reach outside the window (one that began before a test's marked window): only their part inside it
        // counts towards the shares of the window's time.
        long busyNanos = lock.queued.covered(window.startNanos(), window.endNanos());
        long waitedInWindow = lock.waitedWithin(window.startNanos(), window.endNanos());
        double busy = Math.min(1.0, busyNanos / windowNanos);
        long[] periods = lock.queued.periods();
        long width = Math.max(window.sliceWidth(), lock.waited.width());
        BusySlices slices = new BusySlices(window, width, periods,
                lock.waited.over(window.startNanos(), Math.max(window.startNanos() + 1, window.endNanos()), width));
        Phase phase = PhaseFinder.find(window, slices, periods, lock.waitingThreads.size(), processCpu, cpus);
        boolean juc = lock.key.kind() == LockKind.JUC;
        List<StackSummary> holderStacks = juc && holders != null ? holders.top(STACKS_SHOWN, lock.waitNanos)
                : List.of();
        return new LockReport(lock.key.kind(), lock.key.lockClass(), lock.key.idText(), lock.waits, lock.waitNanos,
                lock.maxWaitNanos, waitedInWindow / windowNanos, busy, lock.waitingThreads.size(), owners,
                criticalSection, waiterStacks, cpu.parallelism(users, cpus), holderStates,
                capacity(lock, busyNanos, busy, users), rates(lock, busy, juc), holderStacks, timeline(slices), phase);
    }

    /**
     * While someone is queued the lock is held without a break, and every hold ends with a release to the queue: the
     * busy time divided by those releases is the mean hold of contended holds.
     */
    private LockCapacity capacity(LockAccumulator lock, long busyNanos, double busy, Set<Long> users) {
        long releases = lock.key.kind() == LockKind.JUC ? totals.releasesToWaiters(lock.key.id()) : 0;
        // Without the agent's count of releases, each recorded wait stands for one hold.
        String basis = releases > 0 ? LockCapacity.BASIS_RELEASES : LockCapacity.BASIS_WAITS;
        long holds = releases > 0 ? releases : lock.waits;
        Long meanHold = holds > 0 && busyNanos > 0 ? busyNanos / holds : null;
        Double throughputCeiling = meanHold != null && meanHold > 0 ? 1e9 / meanHold : null;
        Double speedupCeiling = busy > 0 ? 1 / busy : null;
        Long usersCpu = cpu.cpuNanos(users, cpus);
        Double pressure = usersCpu != null && usersCpu > 0 ? (double) lock.waitNanos / usersCpu : null;
        return new LockCapacity(meanHold, meanHold == null ? null : basis, busy, throughputCeiling, speedupCeiling,
                pressure);
    }

    private LockRates rates(LockAccumulator lock, double busy, boolean juc) {
        long exact = juc ? totals.contended(lock.key.id()) : -1;
        // The agent's total counts every contended acquisition; a recording cut short may lack the last totals.
        boolean isExact = exact >= lock.waits;
        long contended = isExact ? exact : lock.waits;
        double perSecond = contended / (Math.max(1, window.durationNanos()) / 1e9);
        LockKindStats kind = juc ? kinds.get(lock.key.lockClass()) : null;
        if (juc && kind == null && !kinds.isEmpty()) {
            kind = kinds.get(LockTotals.OTHER_KIND);
        }
        return new LockRates(contended, isExact, perSecond, Quadrant.of(busy, perSecond), kind);
    }

    private Timeline timeline(BusySlices slices) {
        List<Double> busy = new ArrayList<>(slices.size());
        List<Double> waiters = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            busy.add(slices.busyShare(i));
            waiters.add(slices.meanWaiters(i));
        }
        return new Timeline(window.offset(slices.firstStart), slices.width, busy, waiters);
    }

    static LockReport withoutTimeline(LockReport r) {
        return new LockReport(r.kind(), r.lockClass(), r.id(), r.waits(), r.waitNanos(), r.maxWaitNanos(),
                r.meanWaiters(), r.busy(), r.waitingThreads(), r.owners(), r.criticalSection(), r.waiterStacks(),
                r.usersParallelism(), r.holderStates(), r.capacity(), r.rates(), r.holderStacks(), null, r.phase());
    }
}
