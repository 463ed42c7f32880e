package dev.turnstile.cli.calibrate;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Measures this machine: each group of figures in its own child JVM, pinned to CPUs where the figure is about
 * CPUs, on a JDK 21+ for virtual threads. Runs the groups one after another so they never compete with each other.
 */
public final class Calibrator {
    /** Fewer GC and bookkeeping threads competing with the measured ones, on one CPU especially. */
    private static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:-UsePerfData");

    private final Effort effort;
    private final Consumer<String> progress;
    private final Map<Probe, Measurement> results = new EnumMap<>(Probe.class);
    private int step;

    /** @param progress hears one line per figure as its measurement begins (for stderr) */
    public Calibrator(Effort effort, Consumer<String> progress) {
        this.effort = effort;
        this.progress = progress;
    }

    public CalibrationRun run() throws InterruptedException {
        Instant started = Instant.now();
        List<Integer> cpus = Cpus.allowed();
        Optional<String> taskset = Cpus.usableTaskset(cpus);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String firstCpu = String.valueOf(cpus.get(0));

        List<String> oneCpu = taskset.map(t -> List.of(t, "-c", firstCpu)).orElse(List.of());
        String oneCpuNote = taskset.isPresent() ? "pinned to CPU " + firstCpu : "not pinned (no usable taskset)";
        measure(oneCpu, java, List.of(), List.of(), operations(Probe.HANDOFF_SAME_CPU), oneCpuNote);

        if (cpus.size() < 2) {
            skip(Probe.HANDOFF_CROSS_CPU, "skipped: this machine has 1 CPU");
        } else {
            String twoCpus = Cpus.join(cpus.subList(0, 2));
            List<String> pinning = taskset.map(t -> List.of(t, "-c", twoCpus)).orElse(List.of());
            List<String> threadPinning = taskset.map(t -> List.of("--pin-threads", t, twoCpus)).orElse(List.of());
            measure(pinning, java, List.of(), threadPinning, operations(Probe.HANDOFF_CROSS_CPU),
                    taskset.isPresent() ? null : "not pinned (no usable taskset)");
        }

        Optional<NewerJdk.Found> jdk21 = NewerJdk.atLeast(21);
        if (jdk21.isEmpty()) {
            skip(Probe.VIRTUAL_HANDOFF, "skipped: needs JDK 21+");
        } else {
            // One carrier: virtual threads then switch in user space, the contrast with the kernel's handoff.
            measure(oneCpu, jdk21.get().java(), List.of("-Djdk.virtualThreadScheduler.parallelism=1"), List.of(),
                    operations(Probe.VIRTUAL_HANDOFF), "Java " + jdk21.get().version() + ", one carrier thread, "
                            + oneCpuNote);
        }

        // Unpinned, as programs run: these figures are about the JVM and the OS, not about one CPU.
        measure(List.of(), java, List.of(), List.of(), operations(Probe.LOCK_UNCONTENDED, Probe.LOCK_CONTENDED,
                Probe.POOL_SUBMIT_RUN, Probe.THREAD_START_JOIN, Probe.PROCESS_SPAWN_WAIT), null);

        return new CalibrationRun(started, machine(cpus), new ArrayList<>(results.values()));
    }

    private static Map<String, Probe> operations(Probe... probes) {
        Map<String, Probe> byOperation = new LinkedHashMap<>();
        for (Probe probe : probes) {
            byOperation.put(probe.operation, probe);
        }
        return byOperation;
    }

    private void measure(List<String> pinning, Path java, List<String> jvmOptions, List<String> probeOptions,
                         Map<String, Probe> byOperation, String note) throws InterruptedException {
        List<String> command = new ArrayList<>(pinning);
        command.add(java.toString());
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", ownClassPath(), ProbeMain.class.getName(),
                String.valueOf(effort.batchMillis), String.valueOf(effort.warmupMillis),
                String.valueOf(effort.repetitions), String.valueOf(effort.budgetMillis)));
        command.addAll(probeOptions);
        command.addAll(byOperation.keySet());

        ChildJvm child = new ChildJvm(command, List.copyOf(byOperation.keySet()), effort);
        Map<String, ChildJvm.Report> reports = child.run(operation -> announce(byOperation.get(operation), null));
        for (Map.Entry<String, Probe> entry : byOperation.entrySet()) {
            ChildJvm.Report report = reports.get(entry.getKey());
            Probe probe = entry.getValue();
            if (report.failed()) {
                results.put(probe, Measurement.missing(probe, "failed: " + report.error()));
            } else {
                results.put(probe, Measurement.of(probe, report.nanosEach(), report.batch(), report.note())
                        .withNote(note));
            }
        }
    }

    private void skip(Probe probe, String why) {
        announce(probe, why);
        results.put(probe, Measurement.missing(probe, why));
    }

    private void announce(Probe probe, String skipped) {
        step++;
        progress.accept(String.format(Locale.ROOT, "[%d/%d] %s%s", step, Probe.values().length, probe.label,
                skipped == null ? "" : ": " + skipped));
    }

    /** The jar (or classes folder) this class came from: the child needs nothing else. */
    private static String ownClassPath() {
        try {
            return Path.of(ProbeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }

    /** Enough to tell later whether a saved calibration still fits the machine. */
    private static String machine(List<Integer> cpus) {
        StringBuilder text = new StringBuilder();
        text.append(cpus.size()).append(cpus.size() == 1 ? " CPU" : " CPUs");
        cpuModel().ifPresent(model -> text.append(" (").append(model).append(')'));
        text.append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version"));
        return text.toString();
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " "))
                    .findFirst();
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }
}
