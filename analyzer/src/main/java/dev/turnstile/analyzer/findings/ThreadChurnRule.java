package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.Subject;
import dev.turnstile.analyzer.model.ThreadsReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TS401, thread churn: the program starts many short-lived threads instead of reusing them. Each start costs the
 * creator tens of microseconds, a stack, and the kernel a new task. See docs/findings/TS401.md.
 */
final class ThreadChurnRule implements Rule {
    static final String ID = "TS401";
    static final long MIN_STARTED = 100;
    static final double MIN_RATE = 20;
    static final double MIN_SHORT_LIVED_SHARE = 0.5;
    static final double WARNING_RATE = 200;

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        ThreadsReport threads = analysis.threads();
        if (threads.started() < MIN_STARTED || threads.startRate() < MIN_RATE
                || threads.lifetime().count() < MIN_STARTED / 2 || threads.shortLivedShare() < MIN_SHORT_LIVED_SHARE) {
            return List.of();
        }
        boolean measured = threads.startCost().count() > 0;
        long startNanos = measured ? threads.startCost().totalNanos()
                : threads.started() * Calibration.find().nanos(Calibration.Cost.THREAD_START_JOIN);
        String group = threads.startedByName().isEmpty() ? "threads" : threads.startedByName().get(0).name();
        String title = String.format(Locale.ROOT,
                "Thread churn: %d threads started (%s), %s of them lived under a second; starting them took %s%s",
                threads.started(), Numbers.rate(threads.startRate()), Numbers.percent(threads.shortLivedShare()),
                Numbers.duration(startNanos), measured ? "" : " (estimated)");
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("started", threads.started());
        metrics.put("startRate", threads.startRate());
        metrics.put("shortLivedShare", threads.shortLivedShare());
        metrics.put("lifetimeP50Nanos", threads.lifetime().p50Nanos());
        metrics.put("startCostNanos", startNanos);
        if (measured) {
            metrics.put("startCostP50Nanos", threads.startCost().p50Nanos());
        }
        String site = threads.creators().isEmpty() ? null : Frames.applicationFrame(threads.creators().get(0).frames());
        String advice = String.format(Locale.ROOT,
                "Threads named %s are started at %s and most end within a second (median lifetime %s). Submit the work"
                        + " to a pool sized for it (Executors.newFixedThreadPool, or a ThreadPoolExecutor with a bounded"
                        + " queue) so threads are reused; on JDK 21+ virtual threads make a thread per task cheap.",
                group, site == null ? "several places" : site, Numbers.duration(threads.lifetime().p50Nanos()));
        Severity severity = threads.startRate() >= WARNING_RATE ? Severity.WARNING : Severity.INFO;
        return List.of(new Finding(ID, severity, title, new Subject("threads", group, group, site), metrics,
                threads.creators().stream().limit(3).toList(), advice, startNanos));
    }
}
