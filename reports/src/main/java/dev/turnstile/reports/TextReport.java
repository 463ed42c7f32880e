package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.StackSummary;
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

    private final String toolVersion;

    TextReport(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(Analysis analysis, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        header(out, analysis.recording());
        findings(out, analysis.findings());
        locks(out, analysis.locks());
        out.flush();
        if (out.checkError()) {
            throw new IOException("could not write the report");
        }
    }

    private void header(PrintWriter out, RecordingInfo recording) {
        out.println("Turnstile " + toolVersion + " | " + Path.of(recording.file()).getFileName());
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
                : "no Turnstile agent");
        out.println(String.join(" | ", facts));
        for (String note : recording.notes()) {
            wrap(out, "note: ", note, "      ");
        }
        out.println();
    }

    private static void findings(PrintWriter out, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println("No findings: no lock made threads queue enough to matter.");
            out.println();
            return;
        }
        out.println(findings.size() == 1 ? "1 finding" : findings.size() + " findings");
        String indent = "                  ";
        for (Finding finding : findings) {
            out.println();
            wrap(out, String.format(Locale.ROOT, "  %-8s %-6s ", finding.severity().label().toUpperCase(Locale.ROOT),
                    finding.id()), finding.title(), indent);
            out.println(indent + finding.subject().kind() + ": " + finding.subject().name() + "@"
                    + finding.subject().id());
            if (finding.subject().site() != null) {
                out.println(indent + "critical section: " + finding.subject().site());
            }
            if (!finding.stacks().isEmpty()) {
                StackSummary top = finding.stacks().get(0);
                out.println(indent + "threads waited here (" + Units.count(top.count()) + " waits, "
                        + Units.duration(top.nanos()) + "):");
                Frames.fromCallSite(top.frames()).stream().limit(FRAMES_SHOWN)
                        .forEach(frame -> out.println(indent + "  at " + frame));
            }
            wrap(out, indent + "what to do: ", finding.advice(), indent + "  ");
        }
        out.println();
    }

    private static void locks(PrintWriter out, List<LockReport> locks) {
        if (locks.isEmpty()) {
            out.println("No lock contention recorded.");
            return;
        }
        out.println("Locks by time waited" + (locks.size() > LOCKS_SHOWN ? " (top " + LOCKS_SHOWN + " of "
                + locks.size() + ")" : ""));
        String format = "  %-7s %8s %9s %7s %5s %7s  %s%n";
        out.printf(Locale.ROOT, format, "KIND", "WAITS", "WAITED", "QUEUED", "BUSY", "THREADS", "LOCK / CRITICAL SECTION");
        for (LockReport lock : locks.stream().limit(LOCKS_SHOWN).toList()) {
            out.printf(Locale.ROOT, format, lock.kind().label(), Units.count(lock.waits()),
                    Units.duration(lock.waitNanos()), Units.decimal(lock.meanWaiters()), Units.percent(lock.busy()),
                    lock.waitingThreads(), Units.shortClass(lock.lockClass()) + "@" + lock.id());
            out.printf(Locale.ROOT, format, "", "", "", "", "", "", "  at " + lock.criticalSection());
            if (lock.holderStates() != null) {
                // at the left margin: the table's last column leaves too little room for it
                out.println("          holder: " + holder(lock.holderStates()));
            }
        }
        out.println("  QUEUED: threads waiting on average; BUSY: share of time someone was waiting.");
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

    /**
     * Writes {@code text} after {@code prefix}, wrapped at word boundaries to {@link #WIDTH}; continuation lines
     * start with {@code indent}. A word longer than a line (a long frame) gets a line of its own.
     */
    private static void wrap(PrintWriter out, String prefix, String text, String indent) {
        StringBuilder line = new StringBuilder(prefix);
        int lineStart = prefix.length();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > lineStart && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
                line.append(indent);
                lineStart = indent.length();
            } else if (line.length() > lineStart) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
