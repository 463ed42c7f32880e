package dev.turnstile.bench;

import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the analyzer reads a recording, and with how much heap, against the JDK's own {@code jfr} tool on the same
 * file: {@code jfr summary} (reads every event, resolves nothing) and {@code jfr view contention-by-site} (JDK 25:
 * resolves monitor events and their stacks, the closest thing the JDK has to Turnstile's lock analysis).
 *
 * <p>The analyzer runs with {@code -Xmx512m}: issue 5's bound for a 1 GB recording. Rounds alternate the tools.
 */
final class AnalyzerSpeed {
    private static final Pattern RESULT = Pattern.compile("nanos=(\\d+) peakHeap=(\\d+)");

    private final Path java;
    private final Path benchJar;
    private final Path agentJar;
    private final Path scratch;

    AnalyzerSpeed(Path java, Path benchJar, Path agentJar, Path scratch) {
        this.java = java;
        this.benchJar = benchJar;
        this.agentJar = agentJar;
        this.scratch = scratch;
    }

    /**
     * @param recording a recording to read, or null to make one: {@link EventStorm} with every wait recorded
     *                  (threshold 0) for {@code recordSeconds}
     */
    void run(Path recording, double recordSeconds, int copies, int rounds) throws Exception {
        Path file = recording != null ? recording : record(recordSeconds);
        measure(file, rounds);
        if (copies > 1) {
            measure(concatenated(file, copies), rounds);
        }
    }

    /**
     * A JFR file is a sequence of self-contained chunks, so copies of a recording laid end to end are a valid, larger
     * recording (the JDK's {@code jfr assemble} does the same with chunk files). Their events repeat the same times,
     * which costs a reader the same as new ones.
     */
    private Path concatenated(Path file, int copies) throws Exception {
        Path big = scratch.resolve(copies + "x-" + file.getFileName());
        System.err.println("bench: writing " + copies + " copies of " + file.getFileName() + " end to end");
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < copies; i++) {
                Files.copy(file, out);
            }
        }
        return big;
    }

    private void measure(Path file, int rounds) throws Exception {
        double megabytes = Files.size(file) / 1e6;
        Jdk jdk25 = Jdks.find(25).orElse(null);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        List<Double> peakHeap = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            System.err.println("bench: analyzer speed, round " + (round + 1) + " of " + rounds);
            long start = System.nanoTime();
            Command.Outcome analyzed = Command.of(java, "-Xmx512m", "-cp", benchJar, AnalyzeOnce.class.getName(), file)
                    .timeout(Duration.ofMinutes(30)).run();
            double wall = (System.nanoTime() - start) / 1e9;
            Matcher result = RESULT.matcher(analyzed.stdout());
            if (analyzed.exitCode() != 0 || !result.find()) {
                throw new IllegalStateException("analyzer failed: " + analyzed.describe());
            }
            seconds.computeIfAbsent("Turnstile analyzer (-Xmx512m)", k -> new ArrayList<>()).add(wall);
            peakHeap.add(Long.parseLong(result.group(2)) / 1e6);
            if (jdk25 != null) {
                Path jfr = jdk25.home().resolve("bin").resolve("jfr");
                seconds.computeIfAbsent("jfr view contention-by-site (JDK 25)", k -> new ArrayList<>())
                        .add(timed(jfr, "view", "--width", "200", "contention-by-site", file));
                seconds.computeIfAbsent("jfr summary (JDK 25)", k -> new ArrayList<>()).add(timed(jfr, "summary", file));
            }
        }
        print(file, megabytes, seconds, peakHeap, jdk25 != null);
        Files.deleteIfExists(file.getFileName().toString().contains("x-") ? file : scratch.resolve("none"));
    }

    private Path record(double recordSeconds) {
        Path file = scratch.resolve("analyzer-speed.jfr");
        System.err.println("bench: recording the event storm with threshold=0 for " + recordSeconds + " s");
        Command.Outcome outcome = Command.of(java, "-javaagent:" + agentJar + "=file=" + file + ",threshold=0",
                "-cp", benchJar, EventStorm.class.getName(), recordSeconds)
                .timeout(Duration.ofMinutes(30)).run();
        if (outcome.exitCode() != 0 || !Files.isRegularFile(file)) {
            throw new IllegalStateException("recording failed: " + outcome.describe());
        }
        return file;
    }

    private static double timed(Object... command) {
        long start = System.nanoTime();
        Command.Outcome outcome = Command.of(command).timeout(Duration.ofMinutes(30)).run();
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException("failed: " + outcome.describe());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(Path file, double megabytes, Map<String, List<Double>> seconds, List<Double> peakHeap,
                              boolean withJdkTool) {
        System.out.printf(Locale.ROOT, "### Analyzer speed: %s, %.0f MB (wall s, %d rounds)%n%n",
                file.getFileName(), megabytes, peakHeap.size());
        System.out.println("| tool | median (range) | MB/s | ratio to jfr view |");
        System.out.println("|---|---|---|---|");
        Double view = seconds.containsKey("jfr view contention-by-site (JDK 25)")
                ? Stats.of(seconds.get("jfr view contention-by-site (JDK 25)")).median() : null;
        seconds.forEach((tool, values) -> {
            Stats stats = Stats.of(values);
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %s |%n", tool, stats.format("s"),
                    megabytes / stats.median(), view == null ? "-" : String.format(Locale.ROOT, "%.2f",
                            stats.median() / view));
        });
        System.out.println();
        System.out.printf(Locale.ROOT, "Analyzer peak heap: %s. Every figure is the whole process, JVM start-up"
                + " included, on the same file.%s%n%n", Stats.of(peakHeap).format("MB"),
                withJdkTool ? "" : " No JDK 25 found: no jfr view comparison.");
    }
}
