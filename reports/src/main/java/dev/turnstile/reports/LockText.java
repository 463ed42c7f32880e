package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.WaitChain;
import dev.turnstile.analyzer.model.WaitChain.WaitLink;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text of lock details beyond waits: a lock's capacity line, deadlock findings, and the chains behind waits. */
final class LockText {
    static final int CHAINS_SHOWN = 3;
    private static final String DEADLOCK = "deadlock";

    private LockText() {
    }

    /** "critical section" for a lock, "waits at" for a herd's wait site, which is not a critical section. */
    static String siteLabel(Finding finding) {
        return finding.id().equals("TS105") ? "waits at" : "critical section";
    }

    /** "hold 2.1 ms, at most 476/s, hot" and "busiest 3.2 s to 6.0 s (96% busy)", as far as they are known. */
    static List<String> capacity(LockReport lock) {
        List<String> lines = new ArrayList<>();
        if (lock.capacity().meanHoldNanos() != null) {
            lines.add(String.format(Locale.ROOT, "hold %s, at most %,.0f/s, %s",
                    Units.duration(lock.capacity().meanHoldNanos()), lock.capacity().throughputCeilingPerSecond(),
                    lock.rates().quadrant().label()));
        }
        if (lock.phase() != null) {
            lines.add(String.format(Locale.ROOT, "busiest %.1f s to %.1f s (%s busy)",
                    lock.phase().startOffsetNanos() / 1e9, lock.phase().endOffsetNanos() / 1e9,
                    Units.percent(lock.phase().busy())));
        }
        return lines;
    }

    /** Deadlock findings list every thread with where it waits; other findings are left to the caller. */
    static boolean deadlock(PrintWriter out, Finding finding, String indent) {
        if (!DEADLOCK.equals(finding.subject().kind())) {
            return false;
        }
        TextReport.wrap(out, indent + "threads: ", finding.subject().name(), indent + "  ");
        TextReport.wrap(out, indent + "locks: ", finding.subject().id(), indent + "  ");
        for (StackSummary stack : finding.stacks()) {
            Frames.fromProgram(stack.frames()).stream().limit(2)
                    .forEach(frame -> out.println(indent + "  at " + frame));
            out.println(indent + "  --");
        }
        return true;
    }

    static void chains(PrintWriter out, List<WaitChain> chains, Ansi ansi) {
        if (chains.isEmpty()) {
            return;
        }
        out.println();
        out.println(ansi.bold("Longest waits and what they waited for"));
        for (WaitChain chain : chains.stream().limit(CHAINS_SHOWN).toList()) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s waited %s for %s", chain.waiter(),
                    Units.duration(chain.waitNanos()), Units.shortClass(chain.lockClass())));
            for (WaitLink link : chain.links()) {
                text.append(" held by ").append(link.thread()).append(" (").append(describe(link)).append(")");
            }
            if (chain.links().isEmpty()) {
                text.append(" (holder unknown)");
            }
            TextReport.wrap(out, "  ", text.toString(), "    ");
        }
    }

    private static String describe(WaitLink link) {
        String during = Units.duration(link.overlapNanos());
        switch (link.state()) {
            case "blocked":
                return "itself blocked on " + Units.shortClass(link.lockClass()) + " for " + during;
            case "running":
                return "running or ready to run";
            case "io":
                return "in I/O for " + during + where(link);
            case "cycle":
                return "already in the chain: a deadlock for that time";
            case "unknown":
                return "doing something unknown";
            default:
                return link.state() + " for " + during + where(link);
        }
    }

    /** The program's frame, past the JDK's own (Thread.sleep, socket reads): where the program was. */
    private static String where(WaitLink link) {
        for (String frame : link.frames()) {
            if (!frame.startsWith("java.") && !frame.startsWith("jdk.") && !frame.startsWith("sun.")) {
                return " at " + frame;
            }
        }
        return link.frames().isEmpty() ? "" : " at " + link.frames().get(0);
    }
}
