package dev.turnstile.reports.html;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.ParallelismSlice;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.ThreadSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.model.Timeline;
import dev.turnstile.analyzer.model.WaitSlices;
import dev.turnstile.reports.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the HTML template shows, worked out from an {@link Analysis}: charts and flame graphs as geometry and pages,
 * the rest as the model's own records. Nothing here is markup: the template writes all of it, escaped.
 *
 * @param sources what kinds of data the recording holds and what each one gives, present or not
 * @param missing what this report cannot show because it was not recorded, and how to record it
 */
public record HtmlModel(String toolVersion, String fileName, Analysis analysis, List<Source> sources,
                        List<String> missing, List<LockView> locks, List<PoolView> pools, Chart parallelism,
                        Chart switches, ThreadStrips strips, List<ThreadSchedule> threads, int threadsNotShown) {
    static final int LOCKS_DETAILED = 5;
    static final int POOLS_DETAILED = 5;
    static final int THREADS_LISTED = 60;
    static final int STACKS_DRAWN = 50;

    /** @param present whether this recording has it */
    public record Source(String name, boolean present, String gives, String howToRecord) {
    }

    /**
     * @param timeline       busy share per slice, or null
     * @param queue          threads queued per slice, or null
     * @param waiters        where threads waited, as a flame graph (null without stacks)
     * @param holders        where holders released the lock to waiters, or null
     * @param holdersMissing why there is no holders' flame graph, or null
     */
    public record LockView(LockReport lock, Chart timeline, Chart queue, Flame waiters, Flame holders,
                           String holdersMissing) {
    }

    /** @param waitsMissing why there is no chart of waits over time, or null */
    public record PoolView(PoolReport pool, Chart queued, Chart waits, String waitsMissing) {
    }

    public static HtmlModel of(Analysis analysis, String toolVersion) {
        long window = analysis.recording().durationNanos();
        List<String> missing = new ArrayList<>();
        List<LockView> locks = new ArrayList<>();
        for (LockReport lock : analysis.locks().stream().limit(LOCKS_DETAILED).toList()) {
            locks.add(lockView(lock, window));
        }
        List<PoolView> pools = new ArrayList<>();
        for (PoolReport pool : analysis.pools().stream().limit(POOLS_DETAILED).toList()) {
            pools.add(poolView(pool, window));
        }
        SchedulerReport scheduler = analysis.scheduler();
        Chart parallelism = null;
        Chart switches = null;
        ThreadStrips strips = null;
        List<ThreadSchedule> threads = List.of();
        int notShown = 0;
        if (scheduler == null) {
            missing.add("Thread states over time, CPUs in use, waiting for a CPU and switch rates need the kernel's"
                    + " per-thread counters, which this recording lacks: record with 'turnstile run' or 'turnstile"
                    + " attach' on Linux, and leave the agent's sched option on.");
        } else {
            int cpus = analysis.recording().cpus();
            List<ParallelismSlice> slices = scheduler.timeline();
            parallelism = Chart.of("CPUs in use (effective parallelism) and threads waiting for a CPU",
                    0, scheduler.sliceNanos(), window, Math.max(1, cpus), Units::decimal, List.of(
                            new Chart.Data("CPUs in use", "c1", slices.stream().map(ParallelismSlice::cpusInUse)
                                    .toList(), true),
                            new Chart.Data("waiting for a CPU", "c2", slices.stream()
                                    .map(ParallelismSlice::waitingForCpu).toList(), false)));
            switches = Chart.of("Context switches per second (voluntary and involuntary, all threads)", 0,
                    scheduler.sliceNanos(), window, 10, v -> Units.count(Math.round(v)), List.of(
                            new Chart.Data("switches/s", "c3", slices.stream()
                                    .map(ParallelismSlice::switchesPerSecond).toList(), true)));
            strips = ThreadStrips.of(scheduler.threadTimelines(), window);
            if (strips == null) {
                missing.add("No thread has a state timeline: the recording's per-thread counters did not cover"
                        + " any thread long enough.");
            }
            threads = scheduler.threads().stream().limit(THREADS_LISTED).toList();
            notShown = scheduler.threads().size() - threads.size();
        }
        if (analysis.recording().agent() == null) {
            missing.add("java.util.concurrent locks, pools, thread starts' costs and process exits come from the"
                    + " Turnstile agent, which did not write this recording: record with 'turnstile run' or"
                    + " 'turnstile attach'.");
        }
        return new HtmlModel(toolVersion, fileName(analysis.recording().file()), analysis,
                sources(analysis), missing, locks, pools, parallelism, switches, strips, threads, notShown);
    }

    private static LockView lockView(LockReport lock, long window) {
        Chart busy = null;
        Chart queue = null;
        Timeline timeline = lock.timeline();
        if (timeline != null) {
            busy = Chart.of("Busy: share of each second someone was queued (the lock was held throughout)",
                    timeline.startOffsetNanos(), timeline.sliceNanos(), window, 1, Units::percent,
                    List.of(new Chart.Data("busy", "c1", timeline.busy(), true)));
            queue = Chart.of("Threads queued on average", timeline.startOffsetNanos(), timeline.sliceNanos(), window,
                    1, Units::decimal, List.of(new Chart.Data("queued", "c2", timeline.meanWaiters(), true)));
        }
        Flame waiters = lock.waiterStacks().isEmpty() ? null
                : Flame.of(drawn(lock.waiterStacks()), true, "Where threads waited");
        Flame holders = null;
        String holdersMissing = null;
        if (!lock.holderStacks().isEmpty()) {
            holders = Flame.of(drawn(lock.holderStacks()), true, "Where holders released it to waiters");
        } else if (lock.kind() == LockKind.MONITOR) {
            holdersMissing = "The JDK records no holder stacks for synchronized monitors; the holders are named in"
                    + " the table below. A java.util.concurrent lock (recorded by the agent) would show them.";
        } else {
            holdersMissing = "No holder was sampled releasing this lock to a waiter.";
        }
        return new LockView(lock, busy, queue, waiters, holders, holdersMissing);
    }

    private static PoolView poolView(PoolReport pool, long window) {
        Chart queued = pool.queuedBySecond().isEmpty() ? null
                : Chart.of("Tasks queued (most seen in each second)", 0, 1_000_000_000L, window, 1,
                        v -> Units.count(Math.round(v)),
                        List.of(new Chart.Data("queued", "c2", pool.queuedBySecond(), true)));
        WaitSlices waits = pool.queueWaitSlices();
        Chart waitChart = null;
        String missing = null;
        if (waits != null) {
            waitChart = Chart.of("Queue wait per second (tasks recorded one by one: p50, p99, max)",
                    waits.startOffsetNanos(), waits.sliceNanos(), window, 1_000, v -> Units.duration(Math.round(v)),
                    List.of(new Chart.Data("p50", "c1", waits.p50Nanos(), false),
                            new Chart.Data("p99", "c2", waits.p99Nanos(), false),
                            new Chart.Data("max", "c4", waits.maxNanos(), false)));
        } else {
            missing = "Queue wait over time comes from tasks the agent recorded one by one (turnstile.TaskRun: tasks"
                    + " that ran at least the recording's threshold). None did here; a lower --threshold records"
                    + " shorter tasks too.";
        }
        return new PoolView(pool, queued, waitChart, missing);
    }

    private static List<StackSummary> drawn(List<StackSummary> stacks) {
        return stacks.stream().limit(STACKS_DRAWN).toList();
    }

    private static List<Source> sources(Analysis analysis) {
        List<String> present = analysis.recording().sources();
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("agent", present.contains("agent"), "Turnstile's events: java.util.concurrent locks,"
                + " pools, thread starts, process spawns, deadlocks", "record with 'turnstile run' or 'attach'"));
        sources.add(new Source("jdk", present.contains("jdk"), "the JDK's events: monitor contention, parks, sleeps,"
                + " thread starts and ends", "any JFR recording has them"));
        sources.add(new Source("kernel counters", analysis.scheduler() != null, "per-thread running, waiting for a"
                + " CPU and context switches", "the agent on Linux, option sched (on by default)"));
        sources.add(new Source("async-profiler-wall", present.contains("async-profiler-wall"), "wall-clock samples:"
                + " what lock holders were doing", "--profiler wall (the default)"));
        sources.add(new Source("async-profiler-cpu", present.contains("async-profiler-cpu"), "CPU samples",
                "--profiler cpu (the default)"));
        sources.add(new Source("async-profiler-ctxsw", present.contains("async-profiler-ctxsw"), "context-switch"
                + " samples (recorded, not analyzed yet)", "agent option profiler=wall+ctxsw"));
        sources.add(new Source("jdk-execution-samples", present.contains("jdk-execution-samples"), "the JDK's CPU"
                + " samples, used when async-profiler is off", "--profiler off"));
        return sources;
    }

    private static String fileName(String file) {
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }

    // Helpers the template calls.

    /** The first frames of a stack, from the call site for lock waits. */
    public static List<String> frames(StackSummary stack, boolean fromCallSite, int limit) {
        return (fromCallSite ? Frames.fromCallSite(stack.frames()) : stack.frames()).stream().limit(limit).toList();
    }

    public static String metric(String name, Number value) {
        if (value == null) {
            return "?";
        }
        if (name.endsWith("Nanos")) {
            return Units.duration(value.longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double v = value.doubleValue();
            return Math.abs(v) >= 100 ? Units.count(Math.round(v)) : String.format(Locale.ROOT, "%.3g", v);
        }
        return Units.count(value.longValue());
    }

    public static String share(long part, long total) {
        return total <= 0 ? "" : Units.percent((double) part / total);
    }

    public static String nullable(Double value) {
        return value == null ? "?" : Units.decimal(value);
    }

    public static String nullablePercent(Double value) {
        return value == null ? "?" : Units.percent(value);
    }

    public static List<Map.Entry<String, Long>> shares(ThreadStates s) {
        return List.of(Map.entry("running", s.running()), Map.entry("runnable", s.runnable()),
                Map.entry("blocked", s.blocked()), Map.entry("parked", s.parked()), Map.entry("waiting", s.waiting()),
                Map.entry("sleeping", s.sleeping()), Map.entry("io", s.io()), Map.entry("other", s.other()));
    }

    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
