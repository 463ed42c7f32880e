package dev.turnstile.reports;

import static dev.turnstile.reports.MarkdownEscape.code;
import static dev.turnstile.reports.MarkdownEscape.codeCell;
import static dev.turnstile.reports.MarkdownEscape.text;

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
import dev.turnstile.analyzer.model.ThreadGroupSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.model.ThreadsReport;
import dev.turnstile.analyzer.model.VirtualThreadsReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A summary for a pull-request comment or a CI job summary: what was recorded, the findings ranked with their numbers
 * and advice, and tables of the top locks and pools. Every list is capped and every name shortened, and the whole stays
 * under {@link #MAX_BYTES} (GitHub takes job summaries up to 1 MiB): what does not fit is left out with a note that
 * says so. Strings from the recording are escaped ({@link MarkdownEscape}).
 */
final class MarkdownReport implements Report {
    static final int MAX_BYTES = 1_000_000;
    static final int FINDINGS_SHOWN = 20;
    static final int LOCKS_SHOWN = 10;
    static final int POOLS_SHOWN = 10;
    static final int GROUPS_SHOWN = 8;
    static final int FRAMES_SHOWN = 8;
    static final int NOTES_SHOWN = 20;
    static final int NAMES_SHOWN = 5;

    private final String toolVersion;
    private final int maxBytes;

    MarkdownReport(String toolVersion) {
        this(toolVersion, MAX_BYTES);
    }

    /** With a smaller limit, for tests of what happens when a report does not fit. */
    MarkdownReport(String toolVersion, int maxBytes) {
        this.toolVersion = toolVersion;
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(Analysis analysis, Writer out) throws IOException {
        Blocks blocks = new Blocks(maxBytes);
        header(blocks, analysis.recording());
        findings(blocks, analysis.findings());
        locks(blocks, analysis.locks());
        pools(blocks, analysis.pools());
        programWide(blocks, analysis);
        scheduler(blocks, analysis.scheduler());
        blocks.add("\n---\n_Turnstile " + text(toolVersion) + ". The JSON report (`--format json`) has every number;"
                + " each finding's id has a page in Turnstile's docs/findings._\n");
        out.write(blocks.toString());
        out.flush();
    }

    private static void header(Blocks blocks, RecordingInfo recording) {
        StringBuilder b = new StringBuilder();
        b.append("## Turnstile report: ").append(code(baseName(recording.file()))).append("\n\n");
        List<String> facts = new ArrayList<>();
        if (recording.jvmName() != null) {
            facts.add(code(recording.jvmName() + " " + recording.jvmVersion()));
        }
        if (recording.cpus() > 0) {
            facts.add(recording.cpus() + " CPUs");
        }
        facts.add(Units.duration(recording.durationNanos()) + " observed");
        facts.add(recording.agent() != null ? "agent " + code(recording.agent().version()) + " (event schema "
                + recording.agent().schemaVersion() + ")" : "no Turnstile agent");
        b.append("**Recorded:** ").append(String.join(" · ", facts)).append("  \n");
        b.append("**Sources:** ").append(recording.sources().isEmpty() ? "none"
                : String.join(", ", recording.sources().stream().map(MarkdownEscape::code).toList())).append("\n");
        if (!recording.notes().isEmpty()) {
            b.append("\n**Notes**\n\n");
            recording.notes().stream().limit(NOTES_SHOWN).forEach(n -> b.append("- ").append(text(n)).append('\n'));
            more(b, recording.notes().size(), NOTES_SHOWN, "notes");
        }
        blocks.add(b.toString());
    }

    private static void findings(Blocks blocks, List<Finding> findings) {
        if (findings.isEmpty()) {
            blocks.add("\n### No findings\n\nNo lock, pool, thread, process or shortage of CPUs cost enough to"
                    + " matter.\n");
            return;
        }
        StringBuilder table = new StringBuilder();
        table.append("\n### ").append(findings.size() == 1 ? "1 finding" : Units.count(findings.size())
                + " findings").append(", most thread time lost first\n\n");
        table.append("| # | Severity | Id | Finding |\n|--:|---|---|---|\n");
        List<Finding> shown = findings.stream().limit(FINDINGS_SHOWN).toList();
        for (int i = 0; i < shown.size(); i++) {
            Finding f = shown.get(i);
            table.append("| ").append(i + 1).append(" | ").append(severity(f)).append(" | ").append(text(f.id()))
                    .append(" | ").append(text(f.title())).append(" |\n");
        }
        more(table, findings.size(), FINDINGS_SHOWN, "findings");
        if (!blocks.add(table.toString())) {
            return;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!blocks.add(finding(i + 1, shown.get(i)))) {
                return;
            }
        }
    }

    private static String severity(Finding finding) {
        String label = finding.severity().label();
        return switch (finding.severity()) {
            case CRITICAL -> "🔴 **" + label + "**";
            case WARNING -> "🟠 " + label;
            case INFO -> "🔵 " + label;
        };
    }

    private static String finding(int rank, Finding f) {
        StringBuilder b = new StringBuilder();
        b.append("\n#### ").append(rank).append(". ").append(text(f.id())).append(" (").append(f.severity().label())
                .append("): ").append(text(f.title())).append("\n\n");
        boolean lock = "lock".equals(f.subject().kind());
        if ("deadlock".equals(f.subject().kind())) {
            b.append("- **threads:** ").append(code(f.subject().name())).append('\n');
            b.append("- **locks:** ").append(code(f.subject().id())).append('\n');
        } else {
            b.append("- **").append(text(f.subject().kind())).append(":** ")
                    .append(code(f.subject().name() + (lock && f.subject().id() != null ? "@" + f.subject().id() : "")))
                    .append('\n');
            if (f.subject().site() != null) {
                b.append("- **").append(lock ? LockText.siteLabel(f) : "from").append(":** ")
                        .append(code(f.subject().site())).append('\n');
            }
        }
        if (!f.metrics().isEmpty()) {
            b.append("- **numbers:** ").append(metrics(f.metrics())).append('\n');
        }
        if (f.impactNanos() > 0) {
            b.append("- **thread time lost:** ").append(Units.duration(f.impactNanos())).append('\n');
        }
        b.append("- **what to do:** ").append(text(f.advice())).append('\n');
        if (!f.stacks().isEmpty()) {
            StackSummary top = f.stacks().get(0);
            String summary = lock ? "Where threads waited (" + Units.count(top.count()) + " waits"
                    + (top.nanos() > 0 ? ", " + Units.duration(top.nanos()) : "") + ")"
                    : "Most often from (" + Units.count(top.count()) + " times)";
            List<String> frames = "deadlock".equals(f.subject().kind()) ? Frames.fromProgram(top.frames())
                    : lock ? Frames.fromCallSite(top.frames()) : top.frames();
            b.append("\n<details><summary>").append(MarkdownEscape.html(summary)).append("</summary>\n\n");
            frames(b, frames);
            b.append("\n</details>\n");
        }
        return b.toString();
    }

    private static void frames(StringBuilder b, List<String> frames) {
        frames.stream().limit(FRAMES_SHOWN).forEach(frame -> b.append("- at ").append(code(frame)).append('\n'));
        if (frames.size() > FRAMES_SHOWN) {
            b.append("- … ").append(frames.size() - FRAMES_SHOWN).append(" more frames\n");
        }
    }

    /** {@code busy 0.98 · waitNanos 19.57 s}: durations in a fitting unit, other numbers as they are. */
    private static String metrics(Map<String, Number> metrics) {
        List<String> parts = new ArrayList<>();
        metrics.forEach((name, value) -> {
            String shown;
            if (value == null) {
                shown = "?";
            } else if (name.endsWith("Nanos")) {
                shown = Units.duration(value.longValue());
            } else if (value instanceof Double || value instanceof Float) {
                shown = String.format(Locale.ROOT, "%,.2f", value.doubleValue());
            } else {
                shown = Units.count(value.longValue());
            }
            parts.add(text(name) + " " + shown);
        });
        return String.join(" · ", parts);
    }

    private static void locks(Blocks blocks, List<LockReport> locks) {
        if (locks.isEmpty()) {
            blocks.add("\n### Locks\n\nNo lock contention recorded.\n");
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("\n### Locks by time waited").append(top(locks.size(), LOCKS_SHOWN)).append("\n\n");
        b.append("| Kind | Waits | Waited | Queued | Busy | Threads | Lock | Critical section | Holders were |\n");
        b.append("|---|--:|--:|--:|--:|--:|---|---|---|\n");
        for (LockReport lock : locks.stream().limit(LOCKS_SHOWN).toList()) {
            b.append("| ").append(lock.kind().label())
                    .append(" | ").append(Units.count(lock.waits()))
                    .append(" | ").append(Units.duration(lock.waitNanos()))
                    .append(" | ").append(Units.decimal(lock.meanWaiters()))
                    .append(" | ").append(Units.percent(lock.busy()))
                    .append(" | ").append(lock.waitingThreads())
                    .append(" | ").append(codeCell(Units.shortClass(String.valueOf(lock.lockClass())) + "@" + lock.id()))
                    .append(" | ").append(codeCell(lock.criticalSection()))
                    .append(" | ").append(holders(lock.holderStates()))
                    .append(" |\n");
        }
        b.append("\nQueued: threads waiting on average. Busy: share of the time someone was waiting.\n");
        blocks.add(b.toString());
    }

    private static String holders(HolderStates holders) {
        if (holders == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        holders.shares().forEach((state, share) -> {
            if (share >= 0.01) {
                parts.add(text(state) + " " + Units.percent(share));
            }
        });
        return String.join(", ", parts);
    }

    private static void pools(Blocks blocks, List<PoolReport> pools) {
        if (pools.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("\n### Pools by tasks submitted").append(top(pools.size(), POOLS_SHOWN)).append("\n\n");
        b.append("| Pool | Tasks | Rejected | Wait p50 | Wait p99 | Run mean | Workers | Util | Suggested workers |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (PoolReport pool : pools.stream().limit(POOLS_SHOWN).toList()) {
            b.append("| ").append(codeCell(pool.displayName()))
                    .append(" | ").append(Units.count(pool.submitted()))
                    .append(" | ").append(Units.count(pool.rejected()))
                    .append(" | ").append(Units.duration(pool.queueWait().p50Nanos()))
                    .append(" | ").append(Units.duration(pool.queueWait().p99Nanos()))
                    .append(" | ").append(Units.duration((long) pool.runTime().meanNanos()))
                    .append(" | ").append(pool.workers() == null ? "?" : Units.decimal(pool.workers()))
                    .append(" | ").append(pool.utilisation() == null ? "?" : Units.percent(pool.utilisation()))
                    .append(" | ").append(pool.suggestedWorkers() == null ? "" : pool.suggestedWorkers())
                    .append(" |\n");
        }
        b.append("\nWait: time in the queue (at most, bucketed). Util: arrivals × run time / workers.\n");
        blocks.add(b.toString());
    }

    /** Threads, processes and virtual threads, each when the recording has any. */
    private static void programWide(Blocks blocks, Analysis analysis) {
        ThreadsReport threads = analysis.threads();
        ProcessesReport processes = analysis.processes();
        VirtualThreadsReport virtual = analysis.virtualThreads();
        StringBuilder b = new StringBuilder();
        if (threads.started() > 0) {
            b.append("- **Threads:** ").append(Units.count(threads.started())).append(" started (")
                    .append(Units.decimal(threads.startRate())).append("/s)");
            if (threads.lifetime().count() > 0) {
                b.append(", ").append(Units.percent(threads.shortLivedShare()))
                        .append(" of those that ended lived under 1 s");
            }
            if (threads.startCost().count() > 0) {
                b.append(", `Thread.start` took ").append(Units.duration(threads.startCost().p50Nanos()))
                        .append(" (median)");
            }
            if (threads.peakLive() > 0) {
                b.append(", at most ").append(Units.count(threads.peakLive())).append(" live");
            }
            b.append('\n');
            threads.startedByName().stream().limit(NAMES_SHOWN).forEach(n -> b.append("  - ")
                    .append(code(n.name())).append(": ").append(Units.count(n.count())).append('\n'));
        }
        if (processes.spawns() > 0) {
            b.append("- **Processes:** ").append(Units.count(processes.spawns())).append(" spawned (")
                    .append(Units.count(processes.failed())).append(" failed), spawn ")
                    .append(Units.duration(processes.spawnLatency().p50Nanos())).append(" median / ")
                    .append(Units.duration(processes.spawnLatency().p99Nanos())).append(" p99, ")
                    .append(Units.count(processes.nonZeroExits())).append(" exited non-zero\n");
            // Commands are redacted by the agent; they are still the program's strings, so escaped like any name.
            processes.commands().stream().limit(NAMES_SHOWN).forEach(c -> b.append("  - ")
                    .append(code(c.command())).append(": ").append(Units.count(c.count())).append('\n'));
        }
        if (virtual.started() > 0 || virtual.pinned().count() > 0) {
            b.append("- **Virtual threads:** ").append(Units.count(virtual.started())).append(" started, pinned ")
                    .append(Units.count(virtual.pinned().count())).append(" times for ")
                    .append(Units.duration(virtual.pinned().totalNanos()));
            if (!virtual.pinnedReasons().isEmpty()) {
                b.append(" (");
                b.append(String.join(", ", virtual.pinnedReasons().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(NAMES_SHOWN)
                        .map(e -> code(e.getKey()) + " " + Units.count(e.getValue())).toList()));
                b.append(")");
            }
            b.append('\n');
        }
        if (b.length() > 0) {
            blocks.add("\n### Threads, processes and virtual threads\n\n" + b);
        }
    }

    private static void scheduler(Blocks blocks, SchedulerReport scheduler) {
        if (scheduler == null) {
            return;
        }
        StringBuilder b = new StringBuilder("\n### Scheduler\n\n");
        b.append(Units.decimal(scheduler.meanParallelism())).append(" CPUs in use on average (peak ")
                .append(Units.decimal(scheduler.peakParallelism())).append("); threads waited for a CPU ")
                .append(Units.percent(scheduler.runQueueShare())).append(" of the time they wanted one.\n\n");
        List<ThreadGroupSchedule> groups = scheduler.groups();
        b.append("| Thread group").append(top(groups.size(), GROUPS_SHOWN))
                .append(" | Threads | Run | Run queue | Blocked | Parked | Waiting | Sleeping | I/O | Switches/s |"
                        + " Switch cost |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (ThreadGroupSchedule group : groups.stream().limit(GROUPS_SHOWN).toList()) {
            ThreadStates s = group.states();
            double life = Math.max(1, s.total());
            b.append("| ").append(codeCell(group.name())).append(group.jvmInternal() ? " (JVM)" : "")
                    .append(" | ").append(group.threads())
                    .append(" | ").append(Units.percent(s.running() / life))
                    .append(" | ").append(Units.percent(s.runnable() / life))
                    .append(" | ").append(Units.percent(s.blocked() / life))
                    .append(" | ").append(Units.percent(s.parked() / life))
                    .append(" | ").append(Units.percent(s.waiting() / life))
                    .append(" | ").append(Units.percent(s.sleeping() / life))
                    .append(" | ").append(Units.percent(s.io() / life))
                    .append(" | ").append(Units.count(Math.round(group.switchesPerSecond())))
                    .append(" | ").append(Units.duration(group.switchCostNanos()))
                    .append(" |\n");
        }
        scheduler.notes().stream().limit(NOTES_SHOWN).forEach(n -> b.append("\n_").append(text(n)).append("_\n"));
        blocks.add(b.toString());
    }

    private static String top(int size, int shown) {
        return size > shown ? " (top " + shown + " of " + Units.count(size) + ")" : "";
    }

    private static void more(StringBuilder b, int size, int shown, String what) {
        if (size > shown) {
            b.append("\n_… and ").append(Units.count(size - shown)).append(" more ").append(what)
                    .append(", left out here: the JSON report has them all._\n");
        }
    }

    /** The file's name without its folders, which say nothing to a reviewer and may hold a user's name. */
    private static String baseName(String file) {
        if (file == null) {
            return "?";
        }
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }

    /**
     * The report's parts in order, each whole or not at all, within a limit of UTF-8 bytes. The first part that does
     * not fit ends the report with a note saying it was cut, so that what is shown is never half a table.
     */
    static final class Blocks {
        static final String CUT = "\n---\n**This report was cut short** to stay under %s KiB, the most a pull-request"
                + " comment or job summary should carry. The JSON report (`--format json`) has everything.\n";
        /** Room kept for the note. */
        private static final int RESERVE = 512;

        private final int maxBytes;
        private final StringBuilder text = new StringBuilder();
        private long bytes;
        private boolean cut;

        Blocks(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        /** Adds the block if it fits; false (and the note, once) when it does not. */
        boolean add(String block) {
            if (cut) {
                return false;
            }
            long size = block.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size + RESERVE > maxBytes) {
                cut = true;
                text.append(String.format(Locale.ROOT, CUT, Units.count(maxBytes / 1024)));
                return false;
            }
            text.append(block);
            bytes += size;
            return true;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
