package dev.turnstile.cli.calibrate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Which CPUs calibrate may use and whether it can pin its child JVMs to some of them. */
final class Cpus {
    private Cpus() {
    }

    /**
     * The CPUs this process may run on. A container or cgroup can allow fewer than the machine has, and not
     * always the first ones, so they come from the kernel's own list when there is one.
     */
    static List<Integer> allowed() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    List<Integer> cpus = parseList(line.substring(line.indexOf(':') + 1).trim());
                    if (!cpus.isEmpty()) {
                        return cpus;
                    }
                }
            }
        } catch (IOException | RuntimeException noProcStatus) {
            // not Linux, or unreadable: fall through
        }
        List<Integer> cpus = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            cpus.add(i);
        }
        return cpus;
    }

    /** "0-3,6,8-9" to [0, 1, 2, 3, 6, 8, 9]. */
    static List<Integer> parseList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String range = part.trim();
            if (range.isEmpty()) {
                continue;
            }
            int dash = range.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    static String join(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * The taskset command, if it is installed and may set affinities here: it re-pins this process to the CPUs
     * it already has, which changes nothing but fails where affinity is forbidden (some containers).
     */
    static Optional<String> usableTaskset(List<Integer> allowed) {
        Optional<String> taskset = onPath("taskset");
        if (taskset.isEmpty()) {
            return taskset;
        }
        try {
            Process check = new ProcessBuilder(taskset.get(), "-p", "-c", join(allowed),
                    Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return taskset;
            }
            check.destroyForcibly();
        } catch (IOException e) {
            // not runnable after all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Optional<String> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
