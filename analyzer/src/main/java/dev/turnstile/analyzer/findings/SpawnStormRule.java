package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.ProcessesReport;
import dev.turnstile.analyzer.model.Severity;
import dev.turnstile.analyzer.model.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TS501, spawn storm: the program starts child processes often enough that spawning is a cost of its own (each
 * spawn forks or vforks the JVM, execs, and later reaps). See docs/findings/TS501.md.
 */
final class SpawnStormRule implements Rule {
    static final String ID = "TS501";
    static final long MIN_SPAWNS = 20;
    static final double MIN_RATE = 5;
    /** Or threads spent this share of the recording's length spawning. */
    static final double MIN_SHARE = 0.05;
    static final double WARNING_SHARE = 0.2;

    @Override
    public List<Finding> evaluate(Analysis analysis) {
        ProcessesReport processes = analysis.processes();
        if (processes.spawns() < MIN_SPAWNS
                || (processes.spawnRate() < MIN_RATE && processes.spawnShare() < MIN_SHARE)) {
            return List.of();
        }
        String title = String.format(Locale.ROOT,
                "Spawn storm: %d child processes started (%s), spawning took %s (p99 %s each), %s of the recording",
                processes.spawns(), Numbers.rate(processes.spawnRate()),
                Numbers.duration(processes.spawnLatency().totalNanos()),
                Numbers.duration(processes.spawnLatency().p99Nanos()), Numbers.percent(processes.spawnShare()));
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("spawns", processes.spawns());
        metrics.put("failed", processes.failed());
        metrics.put("spawnRate", processes.spawnRate());
        metrics.put("spawnLatencyP50Nanos", processes.spawnLatency().p50Nanos());
        metrics.put("spawnLatencyP99Nanos", processes.spawnLatency().p99Nanos());
        metrics.put("spawnShare", processes.spawnShare());
        metrics.put("lifetimeP50Nanos", processes.lifetime().p50Nanos());
        metrics.put("nonZeroExits", processes.nonZeroExits());
        String site = processes.spawners().isEmpty() ? null
                : Frames.applicationFrame(processes.spawners().get(0).frames());
        String command = processes.commands().isEmpty() ? "child processes" : processes.commands().get(0).command();
        String advice = String.format(Locale.ROOT,
                "Each spawn costs the calling thread %s and the machine a fork and exec; the children lived %s (median)."
                        + " Do the work in-process if a library can, keep one long-lived child and talk to it (stdin/"
                        + "stdout or a socket), or batch many items into one invocation of %s.",
                Numbers.duration(processes.spawnLatency().p50Nanos()), Numbers.duration(processes.lifetime().p50Nanos()),
                command);
        Severity severity = processes.spawnShare() >= WARNING_SHARE ? Severity.WARNING : Severity.INFO;
        return List.of(new Finding(ID, severity, title, new Subject("process", command, command, site), metrics,
                processes.spawners().stream().limit(3).toList(), advice, processes.spawnLatency().totalNanos()));
    }
}
