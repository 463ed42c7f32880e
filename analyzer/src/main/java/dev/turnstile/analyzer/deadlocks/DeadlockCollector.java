package dev.turnstile.analyzer.deadlocks;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.locks.LockCollector;
import dev.turnstile.analyzer.model.DeadlockReport;
import dev.turnstile.analyzer.model.DeadlockReport.DeadlockedThread;
import dev.turnstile.analyzer.model.LockKind;
import dev.turnstile.analyzer.threads.Threads;
import dev.turnstile.analyzer.time.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the agent's turnstile.Deadlock events: one per cycle of threads waiting for each other. */
public final class DeadlockCollector {
    /** The agent writes at most 256 cycles; a recording holding more than this is not worth reading further. */
    private static final int MAX_CYCLES = 256;
    /** Hidden classes that carry a lambda's body: their frame adds a generated name, nothing a reader can use. */
    private static final String LAMBDA_MARKER = "$$Lambda";

    private final List<Found> found = new ArrayList<>();

    public void onDeadlock(EventView event) {
        if (found.size() >= MAX_CYCLES) {
            return;
        }
        String text = event.getString(TurnstileEvents.DEADLOCK_THREADS);
        List<DeadlockedThread> threads = parse(text == null ? "" : text);
        if (!threads.isEmpty()) {
            found.add(new Found(event.startNanos(),
                    event.getInt(TurnstileEvents.DEADLOCK_CYCLE_SIZE), threads));
        }
    }

    /** @return the cycles in the order they were found */
    public List<DeadlockReport> reports(Window window) {
        return found.stream()
                .sorted(Comparator.comparingLong(Found::detectedNanos))
                .map(f -> new DeadlockReport(window.offset(f.detectedNanos),
                        Math.max(0, window.endNanos() - f.detectedNanos), Math.max(f.cycleSize, f.threads.size()),
                        f.threads))
                .toList();
    }

    /** The agent's line format (TurnstileEvents.DEADLOCK); lines it does not understand are skipped. */
    static List<DeadlockedThread> parse(String text) {
        List<DeadlockedThread> threads = new ArrayList<>();
        String[] header = null;
        List<String> frames = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(TurnstileEvents.DEADLOCK_THREAD_LINE + "\t")) {
                if (header != null) {
                    threads.add(thread(header, frames));
                }
                header = line.split("\t", -1);
                frames = new ArrayList<>();
            } else if (line.startsWith("\t") && header != null) {
                String frame = line.substring(1).trim();
                if (!frame.isEmpty() && !frame.contains(LAMBDA_MARKER)) {
                    frames.add(frame);
                }
            }
        }
        if (header != null) {
            threads.add(thread(header, frames));
        }
        threads.removeIf(t -> t == null);
        return threads;
    }

    private static DeadlockedThread thread(String[] fields, List<String> frames) {
        if (fields.length < 8) {
            return null;
        }
        String state = fields[3];
        // A thread blocked on a monitor is BLOCKED; one parked on a java.util.concurrent lock is WAITING, and its lock
        // is the synchronizer, named after the class it is nested in.
        LockKind kind = "BLOCKED".equals(state) ? LockKind.MONITOR : LockKind.JUC;
        String lockClass = fields[4].isEmpty() ? "(unknown)"
                : kind == LockKind.JUC ? LockCollector.lockClassOf(fields[4]) : fields[4];
        return new DeadlockedThread(number(fields[1]), fields[2], state, kind, lockClass,
                fields[5].isEmpty() ? "" : "0x" + fields[5], number(fields[6]), fields[7], frames);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return Threads.NO_THREAD;
        }
    }

    private record Found(long detectedNanos, int cycleSize, List<DeadlockedThread> threads) {
    }
}
