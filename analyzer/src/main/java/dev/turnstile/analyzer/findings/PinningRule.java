package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.Subject;
import dev.turnstile.analyzer.model.VirtualThreadsReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TS601, virtual threads pinned: virtual threads blocked while pinned to their carrier, so the carrier could run
 * nothing else meanwhile. See docs/findings/TS601.md.
 */
final class PinningRule implements Rule {
    static final String ID = "TS601";
    /** One period at the JDK's default threshold. */
    static final long MIN_PINNED_NANOS = 20_000_000L;
    static final double WARNING_SHARE_OF_RECORDING = 0.1;

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        VirtualThreadsReport virtual = analysis.virtualThreads();
        if (virtual.pinned().totalNanos() < MIN_PINNED_NANOS) {
            return List.of();
        }
        // among equally frequent reasons the first by name, so the same recording always reads the same
        String reason = virtual.pinnedReasons().entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()))
                .map(Map.Entry::getKey).orElse("unknown");
        String title = String.format(Locale.ROOT,
                "Virtual threads pinned: %d times for %s in all (longest %s)%s",
                virtual.pinned().count(), Numbers.duration(virtual.pinned().totalNanos()),
                Numbers.duration(virtual.pinned().maxNanos()), "unknown".equals(reason) ? "" : ", mostly: " + reason);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("pinned", virtual.pinned().count());
        metrics.put("pinnedNanos", virtual.pinned().totalNanos());
        metrics.put("pinnedMaxNanos", virtual.pinned().maxNanos());
        metrics.put("carriers", virtual.carriers());
        String site = virtual.pinnedStacks().isEmpty() ? null
                : Frames.applicationFrame(virtual.pinnedStacks().get(0).frames());
        String advice = "While pinned, a virtual thread that blocks holds its carrier, so fewer carriers are left for"
                + " the others (as many as there are CPUs by default). On JDK 21-23 synchronized blocks pin: use a"
                + " ReentrantLock around blocking calls, or move to JDK 24+ (JEP 491). On every JDK a class"
                + " initializer or a native frame on the stack pins: do not block inside static initializers or"
                + " native callbacks.";
        long window = analysis.recording().durationNanos();
        Severity severity = window > 0 && virtual.pinned().totalNanos() >= WARNING_SHARE_OF_RECORDING * window
                ? Severity.WARNING : Severity.INFO;
        return List.of(new Finding(ID, severity, title, new Subject("virtualThreads", "virtual threads", reason, site),
                metrics, virtual.pinnedStacks().stream().limit(3).toList(), advice, virtual.pinned().totalNanos()));
    }
}
