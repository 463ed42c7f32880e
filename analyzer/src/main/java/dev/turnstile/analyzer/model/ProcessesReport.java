package dev.turnstile.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * Child processes over the recording (DESIGN.md, "Processes").
 *
 * @param spawns        spawn attempts, failed ones included
 * @param failed        spawns that threw (no such program, no permission...)
 * @param spawnRate     spawns per second
 * @param spawnLatency  time the spawning thread spent in the spawn
 * @param spawnShare    spawning time / recording: threads' time lost to spawning, in recording lengths
 * @param lifetime      from spawn to exit, for the children that ended while recording
 * @param exitCodes     children per exit code (128 + n: ended by signal n)
 * @param spawners      where spawns came from, heaviest first
 * @param commands      the most frequent commands (redacted by the agent), or empty when the recording holds only
 *                      the JDK's unredacted command lines, which are never shown
 */
public record ProcessesReport(long spawns, long failed, double spawnRate, Distribution spawnLatency,
                              double spawnShare, Distribution lifetime, Map<Integer, Long> exitCodes,
                              List<StackSummary> spawners, List<CommandCount> commands) {
    public static final ProcessesReport EMPTY = new ProcessesReport(0, 0, 0, Distribution.EMPTY, 0,
            Distribution.EMPTY, Map.of(), List.of(), List.of());

    public ProcessesReport {
        exitCodes = Map.copyOf(exitCodes);
        spawners = List.copyOf(spawners);
        commands = List.copyOf(commands);
    }

    public long nonZeroExits() {
        return exitCodes.entrySet().stream().filter(e -> e.getKey() != 0).mapToLong(Map.Entry::getValue).sum();
    }

    public record CommandCount(String command, long count) {
    }
}
