package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.Subject;
import dev.turnstile.analyzer.model.ThreadGroupSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.scheduler.Oversubscription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TS201, oversubscription: the process has more threads ready to run than the machine has CPUs, so its threads spend a
 * large share of the time they want a CPU waiting for one. See docs/findings/TS201.md.
 */
final class OversubscriptionRule implements Rule {
    static final String ID = "TS201";
    static final int GROUPS_NAMED = 3;

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        SchedulerReport scheduler = analysis.scheduler();
        int cpus = analysis.recording().cpus();
        if (scheduler == null || !Oversubscription.applies(scheduler.application(), cpus)) {
            return List.of();
        }
        List<ThreadGroupSchedule> affected = scheduler.groups().stream()
                .filter(g -> !g.jvmInternal() && g.states().runnable() > 0)
                .sorted(Comparator.comparingLong((ThreadGroupSchedule g) -> g.states().runnable()).reversed())
                .limit(GROUPS_NAMED)
                .toList();
        if (affected.isEmpty()) {
            return List.of();
        }
        return List.of(finding(scheduler, cpus, affected));
    }

    private static Finding finding(SchedulerReport scheduler, int cpus, List<ThreadGroupSchedule> affected) {
        SchedulerReport.Load application = scheduler.application();
        ThreadGroupSchedule top = affected.get(0);
        double cpuShare = top.states().cpuShare() == null ? 1.0 : top.states().cpuShare();
        long suggested = suggestedThreads(cpus, cpuShare);
        String title = String.format(Locale.ROOT,
                "Oversubscription: threads waited for a CPU %.0f%% of the time they wanted one (%.1f threads wanted"
                        + " %d CPUs on average)",
                application.runQueueShare() * 100, application.meanThreadsWantingCpu(), cpus);
        List<String> groups = new ArrayList<>();
        for (ThreadGroupSchedule group : affected) {
            groups.add(describe(group));
        }
        String advice = String.format(Locale.ROOT,
                "The application had %.1f threads running or ready to run for %d CPUs, so they took turns in the"
                        + " kernel's run queue: %s waited there for a CPU. Most affected: %s. The threads of %s need a CPU"
                        + " %.0f%% of the time they are not waiting for one (f = %.2f), so about cores / f = %d of them"
                        + " keep the CPUs busy; more add switches and waiting, not throughput. Size that pool to about %d"
                        + " threads, or split CPU-bound work (a pool of about %d threads) from work that blocks (a pool"
                        + " of its own), and look for threads started per task.",
                application.meanThreadsWantingCpu(), cpus, duration(application.states().runnable()),
                String.join("; ", groups), top.name(), cpuShare * 100, cpuShare, suggested, suggested, cpus);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("runQueueShare", application.runQueueShare());
        metrics.put("meanThreadsWantingCpu", application.meanThreadsWantingCpu());
        metrics.put("cpus", cpus);
        metrics.put("meanParallelism", scheduler.meanParallelism());
        metrics.put("runnableNanos", application.states().runnable());
        metrics.put("runningNanos", application.states().running());
        metrics.put("groupThreads", top.threads());
        metrics.put("groupRunQueueShare", share(top.states().runQueueShare()));
        metrics.put("groupCpuShare", cpuShare);
        metrics.put("suggestedThreads", suggested);
        Severity severity = application.runQueueShare() >= Oversubscription.CRITICAL_RUN_QUEUE_SHARE
                ? Severity.CRITICAL : Severity.WARNING;
        return new Finding(ID, severity, title, new Subject("thread group", top.name(), top.name(), null), metrics, List.of(),
                advice, application.states().runnable());
    }

    /** c = cores / f, at least one thread. */
    static long suggestedThreads(int cpus, double cpuShare) {
        return Math.max(1, Math.round(cpus / Math.max(cpuShare, 0.01)));
    }

    private static String describe(ThreadGroupSchedule group) {
        ThreadStates states = group.states();
        return String.format(Locale.ROOT, "%s (%d thread%s, waited for a CPU %.0f%% of the time they wanted one, %s"
                        + " in all)", group.name(), group.threads(), group.threads() == 1 ? "" : "s",
                share(states.runQueueShare()) * 100, duration(states.runnable()));
    }

    private static double share(Double value) {
        return value == null ? 0 : value;
    }

    private static String duration(long nanos) {
        return nanos >= 1_000_000_000L ? String.format(Locale.ROOT, "%.2f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }
}
