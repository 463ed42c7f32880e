package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.HerdReport;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TS105, thundering herd: a notifyAll or signalAll wakes many waiters for what only one of them can use, and the rest
 * go straight back to waiting. See docs/findings/TS105.md.
 */
final class HerdRule implements Rule {
    static final String ID = "TS105";
    /** Enough wasted wake-ups to be a pattern, not an accident. */
    static final long MIN_WASTED = 50;
    /** Each notification woke at least two threads... */
    static final double MIN_WAKEUPS_PER_NOTIFICATION = 2;
    /** ...and at least one of them, on average, for nothing. */
    static final double MIN_WASTED_PER_NOTIFICATION = 1;
    static final double WARNING_WASTED_PER_NOTIFICATION = 3;
    /** A wasted wake-up costs the switch that wakes the thread and the one that puts it back to sleep. */
    private static final long SWITCH_NANOS = Calibration.defaults().nanos(Calibration.Cost.HANDOFF_CROSS_CPU);

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (HerdReport herd : analysis.herds()) {
            if (herd.wastedWakeups() >= MIN_WASTED
                    && herd.wakeupsPerNotification() >= MIN_WAKEUPS_PER_NOTIFICATION
                    && herd.wastedPerNotification() >= MIN_WASTED_PER_NOTIFICATION) {
                findings.add(finding(herd));
            }
        }
        return findings;
    }

    private static Finding finding(HerdReport herd) {
        boolean monitor = herd.kind() == LockKind.MONITOR;
        String call = monitor ? "notifyAll" : "signalAll";
        String title = String.format(Locale.ROOT,
                "Thundering herd: each %s on %s wakes %.1f threads and %.1f of them go straight back to waiting"
                        + " (%,d wasted wake-ups of %,d)",
                call, LockMetrics.shortName(herd.lockClass()), herd.wakeupsPerNotification(),
                herd.wastedPerNotification(), herd.wastedWakeups(), herd.wakeups());
        String counted = herd.notifies() != null ? "counted by the JVM"
                : "estimated from bursts of wake-ups less than 1 ms apart";
        String advice = String.format(Locale.ROOT,
                "Threads waiting at %s are woken %.1f at a time (notifications %s), but %.1f of them find nothing to"
                        + " do and wait again within %d us: each such wake-up costs two thread switches and a turn on"
                        + " the lock, delaying the one thread that had work. Wake one waiter per item: %s instead of"
                        + " %s when any waiter can take it, a separate Condition for each kind of waiter, or hand items"
                        + " over through a BlockingQueue, which wakes one taker per item.",
                herd.waitSite(), herd.wakeupsPerNotification(), counted, herd.wastedPerNotification(),
                herd.rewaitNanos() / 1000, monitor ? "notify()" : "signal()", monitor ? "notifyAll()" : "signalAll()");
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("wakeups", herd.wakeups());
        metrics.put("wastedWakeups", herd.wastedWakeups());
        metrics.put("notifications", herd.notifications());
        metrics.put("wakeupsPerNotification", herd.wakeupsPerNotification());
        metrics.put("wastedPerNotification", herd.wastedPerNotification());
        metrics.put("waitingThreads", herd.waitingThreads());
        metrics.put("wastedRunNanos", herd.wastedRunNanos());
        Severity severity = herd.wastedPerNotification() >= WARNING_WASTED_PER_NOTIFICATION
                ? Severity.WARNING : Severity.INFO;
        long impact = herd.wastedRunNanos() + herd.wastedWakeups() * 2 * SWITCH_NANOS;
        return new Finding(ID, severity, title, new Subject("lock", herd.lockClass(), herd.id(), herd.waitSite()),
                metrics, herd.waiterStacks(), advice, impact);
    }
}
