package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.profiler.HolderState;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evidence every lock finding carries, so all lock rules show the same numbers under the same names. */
final class LockMetrics {
    private static final int STACKS_AS_EVIDENCE = 3;

    private LockMetrics() {
    }

    static Subject subject(LockReport lock) {
        return new Subject("lock", lock.lockClass(), lock.id(), lock.criticalSection());
    }

    static Map<String, Number> of(LockReport lock) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("busy", lock.busy());
        metrics.put("meanWaiters", lock.meanWaiters());
        metrics.put("waitingThreads", lock.waitingThreads());
        metrics.put("waits", lock.waits());
        metrics.put("waitNanos", lock.waitNanos());
        metrics.put("maxWaitNanos", lock.maxWaitNanos());
        if (lock.usersParallelism() != null) {
            metrics.put("usersParallelism", lock.usersParallelism());
        }
        if (lock.capacity().meanHoldNanos() != null) {
            metrics.put("meanHoldNanos", lock.capacity().meanHoldNanos());
        }
        if (lock.capacity().throughputCeilingPerSecond() != null) {
            metrics.put("throughputCeilingPerSecond", lock.capacity().throughputCeilingPerSecond());
        }
        if (lock.capacity().criticalSectionPressure() != null) {
            metrics.put("criticalSectionPressure", lock.capacity().criticalSectionPressure());
        }
        metrics.put("contendedPerSecond", lock.rates().contendedPerSecond());
        if (lock.holderStates() != null) {
            metrics.put("holderRunningShare", lock.holderStates().share(HolderStates.RUNNING));
            metrics.put("holderSamples", lock.holderStates().samples());
        }
        return metrics;
    }

    /**
     * What the holders did while others waited, as a sentence for the advice, or "" when it is unknown or rests
     * on too few samples. A holder that is mostly not running is the first thing to fix: the lock is held
     * through a sleep, a wait or I/O, and every waiter waits for that too.
     */
    static String holderAdvice(LockReport lock) {
        HolderStates holders = lock.holderStates();
        if (holders == null || holders.samples() < MIN_HOLDER_SAMPLES) {
            return "";
        }
        double running = holders.share(HolderStates.RUNNING);
        String main = holders.mainNotRunning();
        if (running < MOSTLY && main != null) {
            return String.format(Locale.ROOT, " The holder was %s %.0f%% of the time it made others wait (running"
                    + " %.0f%%, %d samples): it keeps the lock while it does not work. Move that %s out of the"
                    + " critical section first.", phrase(main), holders.share(main) * 100, running * 100,
                    holders.samples(), what(main));
        }
        return String.format(Locale.ROOT, " The holder was running %.0f%% of the time it made others wait (%d"
                + " samples): the critical section is work on a CPU.", running * 100, holders.samples());
    }

    /** Fewer holder samples than this say too little to advise on. */
    static final long MIN_HOLDER_SAMPLES = 20;
    /** Below this running share the holder is called mostly not running. */
    static final double MOSTLY = 0.5;

    private static String phrase(String label) {
        for (HolderState state : HolderState.values()) {
            if (state.label().equals(label)) {
                return state.phrase();
            }
        }
        return label;
    }

    private static String what(String label) {
        switch (label) {
            case "sleeping":
                return "sleep";
            case "io":
                return "I/O";
            case "safepoint":
                return "allocation-heavy work (GC pauses stop the holder)";
            default:
                return "wait";
        }
    }

    static List<StackSummary> evidence(LockReport lock) {
        return lock.waiterStacks().stream().limit(STACKS_AS_EVIDENCE).toList();
    }

    static String shortName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
