package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.ProcessesReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.ThreadsReport;
import dev.turnstile.analyzer.model.VirtualThreadsReport;
import dev.turnstile.analyzer.model.ThreadGroupSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.profiler.SampleSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary people read in a terminal: what was recorded, the findings first, then the top locks. */
final class TextReport implements Report {
    static final int WIDTH = 100;
    static final int LOCKS_SHOWN = 10;
    static final int FRAMES_SHOWN = 4;
    static final int GROUPS_SHOWN = 8;
    /** Where the scheduler table's last column, the thread group, starts. */
    private static final int GROUP_COLUMN = 76;

    private final String toolVersion;
    private final Ansi ansi;

    TextReport(String toolVersion, boolean color) {
        this.toolVersion = toolVersion;
        this.ansi = color ? Ansi.ON : Ansi.OFF;
    }

    @Override
    public void write(Analysis analysis, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        header(out, analysis.recording());
        findings(out, analysis.findings());
        locks(out, analysis.locks());
        LockText.chains(out, analysis.waitChains(), ansi);
        pools(out, analysis.pools());
        programWide(out, analysis);
        scheduler(out, analysis.scheduler(), analysis.recording().cpus());
        out.flush();
        if (out.checkError()) {
            throw new IOException("could not write the report");
        }
    }

    private void header(PrintWriter out, RecordingInfo recording) {
        out.println(ansi.bold("Turnstile " + toolVersion + " | " + Path.of(recording.file()).getFileName()));
        List<String> facts = new ArrayList<>();
        if (recording.jvmName() != null) {
            facts.add(recording.jvmName() + " " + recording.jvmVersion());
        }
        if (recording.cpus() > 0) {
            facts.add(recording.cpus() + " CPUs");
        }
        facts.add(Units.duration(recording.durationNanos()) + " observed");
        facts.add(recording.agent() != null
                ? "agent " + recording.agent().version() + " (event schema " + recording.agent().schemaVersion() + ")"
                : recording.sources().contains(SampleSources.AGENT)
                    ? "Turnstile agent's events (its start is in another recording)"
                    : "no Turnstile agent");
        out.println(String.join(" | ", facts));
        for (String note : recording.notes()) {
            wrap(out, ansi.dim("note:") + " ", note, "      ");
        }
        out.println();
    }

    private void findings(PrintWriter out, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println("No findings: no lock, pool, thread, process or shortage of CPUs cost enough to matter.");
            out.println();
            return;
        }
        out.println(ansi.bold(findings.size() == 1 ? "1 finding" : findings.size() + " findings"));
        String indent = "                  ";
        for (Finding finding : findings) {
            out.println();
            // padded before painting: the escape sequences take no columns
            wrap(out, "  " + ansi.severity(finding.severity(), String.format(Locale.ROOT, "%-8s",
                    finding.severity().label().toUpperCase(Locale.ROOT))) + " "
                    + ansi.bold(String.format(Locale.ROOT, "%-6s", finding.id())) + " ", finding.title(), indent);
            if (LockText.deadlock(out, finding, indent)) {
                wrap(out, indent + ansi.green("what to do:") + " ", finding.advice(), indent + "  ");
                continue;
            }
            boolean lock = "lock".equals(finding.subject().kind());
            out.println(indent + finding.subject().kind() + ": " + finding.subject().name()
                    + (lock ? "@" + finding.subject().id() : ""));
            if (finding.subject().site() != null) {
                out.println(indent + (lock ? LockText.siteLabel(finding) + ": " : "from: ") + finding.subject().site());
            }
            if (!finding.stacks().isEmpty()) {
                StackSummary top = finding.stacks().get(0);
                // Stacks that carry no time (a herd's wake-ups) are counted only.
                out.println(indent + (lock ? "threads waited here (" + Units.count(top.count()) + " waits"
                        + (top.nanos() > 0 ? ", " + Units.duration(top.nanos()) : "") + "):"
                        : "most often from (" + Units.count(top.count()) + " times):"));
                (lock ? Frames.fromCallSite(top.frames()) : top.frames()).stream().limit(FRAMES_SHOWN)
                        .forEach(frame -> out.println(indent + "  at " + frame));
            }
            wrap(out, indent + ansi.green("what to do:") + " ", finding.advice(), indent + "  ");
        }
        out.println();
    }

    private void locks(PrintWriter out, List<LockReport> locks) {
        if (locks.isEmpty()) {
            out.println("No lock contention recorded.");
            return;
        }
        out.println(ansi.bold("Locks by time waited" + (locks.size() > LOCKS_SHOWN ? " (top " + LOCKS_SHOWN + " of "
                + locks.size() + ")" : "")));
        String format = "  %-7s %8s %9s %7s %5s %7s  %s%n";
        out.printf(Locale.ROOT, format, "KIND", "WAITS", "WAITED", "QUEUED", "BUSY", "THREADS", "LOCK / CRITICAL SECTION");
        for (LockReport lock : locks.stream().limit(LOCKS_SHOWN).toList()) {
            out.printf(Locale.ROOT, format, lock.kind().label(), Units.count(lock.waits()),
                    Units.duration(lock.waitNanos()), Units.decimal(lock.meanWaiters()), Units.percent(lock.busy()),
                    lock.waitingThreads(), Units.shortClass(lock.lockClass()) + "@" + lock.id());
            out.printf(Locale.ROOT, format, "", "", "", "", "", "", "  at " + lock.criticalSection());
            for (String line : LockText.capacity(lock)) {
                out.printf(Locale.ROOT, format, "", "", "", "", "", "", "  " + line);
            }
            if (lock.holderStates() != null) {
                // at the left margin: the table's last column leaves too little room for it
                out.println("          holder: " + holder(lock.holderStates()));
            }
        }
        out.println(ansi.dim("  QUEUED: threads waiting on average; BUSY: share of time someone was waiting."));
        out.println(ansi.dim("  hold: mean hold while contended, and the acquisitions per second that allows at most."));
    }

    private void pools(PrintWriter out, List<PoolReport> pools) {
        if (pools.isEmpty()) {
            return;
        }
        out.println();
        out.println(ansi.bold("Pools by tasks submitted" + (pools.size() > LOCKS_SHOWN ? " (top " + LOCKS_SHOWN
                + " of " + pools.size() + ")" : "")));
        String format = "  %8s %8s %9s %9s %9s %7s %6s  %s%n";
        out.printf(Locale.ROOT, format, "TASKS", "REJECTED", "WAIT p50", "WAIT p99", "RUN mean", "WORKERS", "UTIL",
                "POOL");
        for (PoolReport pool : pools.stream().limit(LOCKS_SHOWN).toList()) {
            out.printf(Locale.ROOT, format, Units.count(pool.submitted()), Units.count(pool.rejected()),
                    Units.duration(pool.queueWait().p50Nanos()), Units.duration(pool.queueWait().p99Nanos()),
                    Units.duration((long) pool.runTime().meanNanos()),
                    pool.workers() == null ? "?" : Units.decimal(pool.workers()),
                    pool.utilisation() == null ? "?" : Units.percent(pool.utilisation()), pool.displayName());
        }
        out.println(ansi.dim("  WAIT: time in the queue (at most, bucketed); UTIL: arrivals x run time / workers."));
    }

    /** One line each for threads, processes and virtual threads, when the recording has any. */
    private static void programWide(PrintWriter out, Analysis analysis) {
        ThreadsReport threads = analysis.threads();
        ProcessesReport processes = analysis.processes();
        VirtualThreadsReport virtual = analysis.virtualThreads();
        List<String> lines = new ArrayList<>();
        if (threads.started() > 0) {
            lines.add(String.format(Locale.ROOT, "threads: %s started (%s/s)%s%s",
                    Units.count(threads.started()), Units.decimal(threads.startRate()),
                    threads.lifetime().count() == 0 ? "" : ", " + Units.percent(threads.shortLivedShare())
                            + " of those that ended lived under 1 s", threads.startCost().count() == 0 ? ""
                            : ", Thread.start took " + Units.duration(threads.startCost().p50Nanos()) + " (median)"));
        }
        if (processes.spawns() > 0) {
            lines.add(String.format(Locale.ROOT, "processes: %s spawned (%s failed), spawn %s median / %s p99, %s"
                            + " exited non-zero", Units.count(processes.spawns()), Units.count(processes.failed()),
                    Units.duration(processes.spawnLatency().p50Nanos()),
                    Units.duration(processes.spawnLatency().p99Nanos()), Units.count(processes.nonZeroExits())));
        }
        if (virtual.started() > 0 || virtual.pinned().count() > 0) {
            lines.add(String.format(Locale.ROOT, "virtual threads: %s started, pinned %s times for %s",
                    Units.count(virtual.started()), Units.count(virtual.pinned().count()),
                    Units.duration(virtual.pinned().totalNanos())));
        }
        if (!lines.isEmpty()) {
            out.println();
            lines.forEach(line -> out.println("  " + line));
        }
    }

    /** {@code sleeping 77%, running 23% (96 samples)}: what the holders did while others waited. */
    private static String holder(HolderStates holders) {
        StringBuilder text = new StringBuilder();
        holders.shares().forEach((state, share) -> {
            if (share >= 0.01) {
                text.append(text.length() == 0 ? "" : ", ").append(state).append(' ').append(Units.percent(share));
            }
        });
        return text + " (" + Units.count(holders.samples()) + " samples)";
    }

    /** The kernel's view: how many CPUs were in use, how long threads waited for one, where each group's time went. */
    private void scheduler(PrintWriter out, SchedulerReport scheduler, int cpus) {
        if (scheduler == null) {
            return;
        }
        out.println();
        String ofCpus = cpus > 0 ? " of " + cpus : "";
        wrap(out, ansi.bold("Scheduler:") + " ", String.format(Locale.ROOT, "%s%s CPUs in use on average (peak %s); threads waited"
                        + " for a CPU %s of the time they wanted one", Units.decimal(scheduler.meanParallelism()),
                ofCpus, Units.decimal(scheduler.peakParallelism()), Units.percent(scheduler.runQueueShare())), "  ");
        List<ThreadGroupSchedule> groups = scheduler.groups();
        String format = "  %7s %5s %5s %5s %5s %5s %5s %5s %5s %8s %7s  %s%n";
        out.printf(Locale.ROOT, format, "THREADS", "RUN", "RUNQ", "BLOCK", "PARK", "WAIT", "SLEEP", "IO", "OTHER",
                "SWITCH/S", "COST", "THREAD GROUP" + (groups.size() > GROUPS_SHOWN ? " (top " + GROUPS_SHOWN + " of "
                        + groups.size() + ")" : ""));
        for (ThreadGroupSchedule group : groups.stream().limit(GROUPS_SHOWN).toList()) {
            ThreadStates states = group.states();
            double life = Math.max(1, states.total());
            out.printf(Locale.ROOT, format, group.threads(), Units.percent(states.running() / life),
                    Units.percent(states.runnable() / life), Units.percent(states.blocked() / life),
                    Units.percent(states.parked() / life), Units.percent(states.waiting() / life),
                    Units.percent(states.sleeping() / life), Units.percent(states.io() / life),
                    Units.percent(states.other() / life), Units.count(Math.round(group.switchesPerSecond())),
                    Units.duration(group.switchCostNanos()),
                    fit(group.name() + (group.jvmInternal() ? " (JVM)" : ""), WIDTH - GROUP_COLUMN));
        }
        SchedulerReport.SwitchCost cost = scheduler.switchCost();
        wrap(out, "  ", "Shares of the group's thread lifetimes; RUNQ: ready to run, waiting for a CPU; COST: switches"
                + " x " + Units.duration(cost.perSwitchNanos()) + " per switch (" + (cost.calibrated()
                ? "calibrated on " + cost.source() : "default, not calibrated") + ").", "  ");
        for (String note : scheduler.notes()) {
            wrap(out, "  note: ", note, "        ");
        }
    }

    /** The end of a name too long for its column, which is the part that tells groups apart. */
    private static String fit(String name, int width) {
        return name.length() <= width ? name : "..." + name.substring(name.length() - (width - 3));
    }

    /**
     * Writes {@code text} after {@code prefix}, wrapped at word boundaries to {@link #WIDTH}; continuation lines
     * start with {@code indent}. A word longer than a line (a long frame) gets a line of its own.
     */
    static void wrap(PrintWriter out, String prefix, String text, String indent) {
        StringBuilder line = new StringBuilder(prefix);
        int lineStart = prefix.length();
        int columns = Ansi.visibleLength(prefix);
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > lineStart && columns + 1 + word.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
                line.append(indent);
                lineStart = indent.length();
                columns = Ansi.visibleLength(indent);
            } else if (line.length() > lineStart) {
                line.append(' ');
                columns++;
            }
            line.append(word);
            columns += Ansi.visibleLength(word);
        }
        out.println(line);
    }
}
