package dev.turnstile.analyzer.processes;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.model.Distribution;
import dev.turnstile.analyzer.model.ProcessesReport;
import dev.turnstile.analyzer.stacks.Durations;
import dev.turnstile.analyzer.stacks.StackCounts;
import dev.turnstile.analyzer.stacks.StackResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spawns and exits of child processes. The agent's events carry redacted command lines, latency and exits; a
 * recording without the agent has only jdk.ProcessStart, whose command lines may hold secrets: those are counted,
 * never shown.
 */
public final class ProcessCollector {
    static final int MAX_COMMANDS = 1_000;
    static final int MAX_EXIT_CODES = 256;
    private static final int SHOWN = 5;

    private final StackResolver stacks;
    private final Durations latency = new Durations();
    private final Durations lifetimes = new Durations();
    private final StackCounts spawners = new StackCounts();
    private final Map<String, Long> commands = new HashMap<>();
    private final Map<Integer, Long> exitCodes = new TreeMap<>();
    private long agentSpawns;
    private long failed;
    private long jdkSpawns;
    private final StackCounts jdkSpawners = new StackCounts();

    public ProcessCollector(StackResolver stacks) {
        this.stacks = stacks;
    }

    public void onAgentStart(EventView event) {
        agentSpawns++;
        long nanos = event.durationNanos();
        latency.record(nanos);
        spawners.add(stacks.resolve(event.stackTrace()), nanos);
        if (event.getString(TurnstileEvents.PROCESS_START_FAILURE) != null) {
            failed++;
        }
        String command = event.getString(TurnstileEvents.PROCESS_START_COMMAND);
        if (command != null && (commands.containsKey(command) || commands.size() < MAX_COMMANDS)) {
            commands.merge(command, 1L, Long::sum);
        }
    }

    public void onAgentExit(EventView event) {
        lifetimes.record(event.getLong(TurnstileEvents.PROCESS_EXIT_LIFETIME));
        int code = event.getInt(TurnstileEvents.PROCESS_EXIT_EXIT_CODE);
        if (exitCodes.containsKey(code) || exitCodes.size() < MAX_EXIT_CODES) {
            exitCodes.merge(code, 1L, Long::sum);
        }
    }

    public void onJdkStart(EventView event) {
        jdkSpawns++;
        jdkSpawners.add(stacks.resolve(event.stackTrace()), 0);
    }

    public ProcessesReport report(long windowNanos) {
        boolean agent = agentSpawns > 0;
        long spawns = agent ? agentSpawns : jdkSpawns;
        double seconds = windowNanos / 1e9;
        Distribution spawnLatency = latency.summary();
        double share = windowNanos > 0 ? (double) spawnLatency.totalNanos() / windowNanos : 0;
        List<ProcessesReport.CommandCount> top = commands.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SHOWN)
                .map(e -> new ProcessesReport.CommandCount(e.getKey(), e.getValue()))
                .toList();
        return new ProcessesReport(spawns, failed, seconds > 0 ? spawns / seconds : 0, spawnLatency, share,
                lifetimes.summary(), exitCodes, (agent ? spawners : jdkSpawners).top(SHOWN), top);
    }
}
