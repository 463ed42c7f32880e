package dev.turnstile.bench;

import dev.turnstile.testkit.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a server and the load on it CPUs of their own, half each, with {@code taskset}. Sharing the CPUs, the load's
 * threads and the server's took turns at random, and one arm's throughput ranged over a factor of two between rounds;
 * apart, what the server gets is steady, and what an agent in it costs comes out of the server's own CPUs, as it
 * would on a machine that only serves. Without taskset or with one CPU, nothing is pinned and the tables say so.
 */
final class CpuSplit implements AutoCloseable {
    private final int cpus;
    private final boolean active;

    private CpuSplit(int cpus, boolean active) {
        this.cpus = cpus;
        this.active = active;
    }

    /** Pins this JVM, every thread it has and will start, to the load's half. */
    static CpuSplit begin() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2 || Command.of("taskset", "-V").timeout(Duration.ofSeconds(10)).run().exitCode() != 0) {
            return new CpuSplit(cpus, false);
        }
        pinSelf(loadCpus(cpus));
        return new CpuSplit(cpus, true);
    }

    boolean active() {
        return active;
    }

    /** The command with a prefix that runs it on the server's half, or unchanged when nothing is pinned. */
    List<String> serverCommand(List<String> command) {
        if (!active) {
            return command;
        }
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", serverCpus(cpus)));
        pinned.addAll(command);
        return pinned;
    }

    /** In words, for the benchmark's table. */
    String describe() {
        return active ? "server on CPUs " + serverCpus(cpus) + ", load on CPUs " + loadCpus(cpus) + " (taskset)"
                : "server and load sharing all " + cpus + " CPUs (no taskset or one CPU)";
    }

    @Override
    public void close() {
        if (active) {
            pinSelf(cpuList(0, cpus - 1));
        }
    }

    private static String loadCpus(int cpus) {
        return cpuList(0, cpus / 2 - 1);
    }

    private static String serverCpus(int cpus) {
        return cpuList(cpus / 2, cpus - 1);
    }

    /** taskset's form: "1" or "2-3". */
    private static String cpuList(int first, int last) {
        return first == last ? String.valueOf(first) : first + "-" + last;
    }

    private static void pinSelf(String cpuList) {
        Command.Outcome outcome = Command.of("taskset", "-a", "-p", "-c", cpuList, ProcessHandle.current().pid())
                .timeout(Duration.ofSeconds(10)).run();
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException("taskset could not pin the benchmark\n" + outcome.describe());
        }
    }
}
