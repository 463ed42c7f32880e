package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.DeadlockReport;
import dev.turnstile.analyzer.model.DeadlockReport.DeadlockedThread;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * TS104, deadlock: threads that wait for each other in a cycle and will never go on, as the agent's periodic check
 * found them. See docs/findings/TS104.md.
 */
final class DeadlockRule implements Rule {
    static final String ID = "TS104";

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (DeadlockReport deadlock : analysis.deadlocks()) {
            findings.add(finding(deadlock));
        }
        return findings;
    }

    private static Finding finding(DeadlockReport deadlock) {
        List<DeadlockedThread> threads = deadlock.threads();
        String cycle = threads.stream()
                .map(t -> String.format(Locale.ROOT, "%s waits for %s@%s held by %s", t.thread(),
                        LockMetrics.shortName(t.lockClass()), t.lockId(), t.owner()))
                .collect(Collectors.joining("; "));
        String title = String.format(Locale.ROOT, "Deadlock: %d threads wait for each other forever (%s)",
                deadlock.cycleSize(), cycle);
        DeadlockedThread first = threads.get(0);
        String site = site(first);
        String advice = String.format(Locale.ROOT,
                "These threads each hold a lock the next one needs, found %.1f s into the recording; they stayed"
                        + " stuck for at least %.1f s more, to its end, and will never go on by themselves. Take the"
                        + " locks in one global order everywhere (for example by account id), or take the second lock"
                        + " with a timeout (ReentrantLock.tryLock) and back off, or restructure so that no thread"
                        + " holds one of these locks while it asks for another. The stacks show where each thread"
                        + " asked.",
                deadlock.detectedOffsetNanos() / 1e9, deadlock.stuckNanos() / 1e9);
        List<StackSummary> stacks = new ArrayList<>();
        for (DeadlockedThread thread : threads) {
            stacks.add(new StackSummary(thread.frames(), 1, deadlock.stuckNanos()));
        }
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("threads", deadlock.cycleSize());
        metrics.put("detectedOffsetNanos", deadlock.detectedOffsetNanos());
        metrics.put("stuckNanos", deadlock.stuckNanos());
        String names = threads.stream().map(DeadlockedThread::thread).collect(Collectors.joining(", "));
        String locks = threads.stream().map(t -> LockMetrics.shortName(t.lockClass()) + "@" + t.lockId())
                .collect(Collectors.joining(", "));
        return new Finding(ID, Severity.CRITICAL, title, new Subject("deadlock", names, locks, site), metrics, stacks,
                advice, deadlock.stuckNanos() * deadlock.cycleSize());
    }

    /** Where the first thread asked for the lock it never got: its first frame outside the lock's own code. */
    private static String site(DeadlockedThread thread) {
        List<String> frames = Frames.fromProgram(thread.frames());
        return frames.isEmpty() ? "(no stack)" : frames.get(0);
    }
}
