package dev.turnstile.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * How fast the analyzer reads a recording, and with how much memory, against other readers of the same file, each a
 * whole process of its own (JVM start-up included):
 *
 * <ul>
 * <li>{@code jfr summary} (JDK 25): reads every event, resolves nothing;</li>
 * <li>{@code jfr view contention-by-site} (JDK 25): resolves the monitor events and their stacks, the closest thing
 *     the JDK has to Turnstile's lock analysis;</li>
 * <li>JMC's headless rules report ({@code JfrRulesReport -format text}): loads the whole recording into memory and
 *     runs every rule, blocking included. Its jars sit in {@code jmc/} beside benchmarks.jar and make up its whole
 *     class path: none of Turnstile's code shares a JVM with it.</li>
 * </ul>
 *
 * <p>The analyzer runs with {@code -Xmx512m}, issue 5's bound for a 1 GB recording; the other tools with their JVM's
 * default heap. Memory is measured the same way for every tool (see {@link MeasuredRun}). Rounds alternate the order
 * of the tools. Without a recording given, two are made, each under the agent with {@code threshold=0}: one heavy in
 * the agent's events ({@link EventStorm}) and one heavy in the JDK's monitor events ({@link MonitorStorm}), which
 * {@code jfr view contention-by-site} and JMC's blocking rule read.
 */
final class AnalyzerSpeed {
    private static final String JMC_MAIN = "org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport";
    /** A tool that takes longer on one file is reported as timed out, and not run on that file again. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String ANALYZER = "Turnstile analyzer";
    private static final String JFR_VIEW = "jfr view contention-by-site (JDK 25)";

    /** The recordings made when none is given, and what each is heavy in. */
    enum Kind {
        STORM("agent-event-heavy", EventStorm.class),
        MONITORS("monitor-heavy", MonitorStorm.class);

        private final String description;
        private final Class<?> program;

        Kind(String description, Class<?> program) {
            this.description = description;
            this.program = program;
        }

        /** {@code storm}, {@code monitors}, or null for both. */
        static List<Kind> parse(String name) {
            if (name == null) {
                return List.of(values());
            }
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(name)) {
                    return List.of(kind);
                }
            }
            throw new IllegalArgumentException("--kind is storm or monitors, not " + name);
        }
    }

    /** A reader of recordings: its name, its heap limit, its command line for a file and GC log option. */
    private record Tool(String name, String heap, BiFunction<Path, String, List<Object>> command,
                        Predicate<MeasuredRun> completed) {
    }

    private final BenchSetup setup;

    AnalyzerSpeed(BenchSetup setup) {
        this.setup = setup;
    }

    /**
     * @param recording a recording to read, or null to make one of each of {@code kinds}, {@code recordSeconds} long
     * @param targetMb  sizes to read, in MB, each made of as many copies of the recording as come closest; when empty,
     *                  the recording itself and, if {@code copies} is above 1, that many copies of it
     */
    void run(Path recording, List<Kind> kinds, double recordSeconds, List<Double> targetMb, int copies, int rounds)
            throws Exception {
        long start = System.nanoTime();
        List<Tool> tools = tools();
        if (recording != null) {
            measureSizes(recording, recording.getFileName().toString(), targetMb, copies, tools, rounds);
        } else {
            for (Kind kind : kinds) {
                Path recorded = record(kind, recordSeconds);
                try {
                    measureSizes(recorded, kind.description + " (" + kind.program.getSimpleName() + ")", targetMb,
                            copies, tools, rounds);
                } finally {
                    Files.deleteIfExists(recorded);
                }
            }
        }
        System.err.printf(Locale.ROOT, "bench: the analyzer comparison took %.1f min%n", (System.nanoTime() - start) / 60e9);
    }

    /** A recording of {@code kind}'s program under the agent, every wait recorded (threshold 0). */
    Path record(Kind kind, double seconds) {
        System.err.printf(Locale.ROOT, "bench: recording %s with threshold=0 for %.0f s%n", kind.program.getSimpleName(),
                seconds);
        return Recordings.record(setup, setup.scratch().resolve("analyzer-" + kind.name().toLowerCase(
                Locale.ROOT) + ".jfr"), "threshold=0", kind.program, seconds);
    }

    private void measureSizes(Path file, String label, List<Double> targetMb, int copies, List<Tool> tools,
                              int rounds) throws Exception {
        String composition = Recordings.composition(file);
        TreeSet<Integer> copyCounts = new TreeSet<>();
        if (targetMb.isEmpty()) {
            copyCounts.add(1);
            copyCounts.add(Math.max(1, copies));
        } else {
            for (double target : targetMb) {
                copyCounts.add(Recordings.copiesFor(file, target));
            }
        }
        for (int count : copyCounts) {
            Path read = count == 1 ? file : Recordings.concatenated(file, count, setup.scratch());
            try {
                measure(read, label + (count == 1 ? "" : ", " + count + " copies"), composition, tools, rounds);
            } finally {
                if (count > 1) {
                    Files.deleteIfExists(read);
                }
            }
        }
    }

    private List<Tool> tools() {
        List<Tool> tools = new ArrayList<>();
        tools.add(new Tool(ANALYZER, "512 MB",
                (file, gcLog) -> AnalyzeOnce.command(setup, file, gcLog),
                run -> run.succeeded() && run.outcome().stdout().contains("nanos=")));
        String defaultHeap = defaultHeap();
        Jdk jdk25 = Jdks.find(25).orElse(null);
        if (jdk25 != null) {
            Path jfr = jdk25.home().resolve("bin").resolve("jfr");
            tools.add(new Tool(JFR_VIEW, defaultHeap,
                    (file, gcLog) -> List.of(jfr, "-J" + gcLog, "view", "--width", "200", "contention-by-site", file),
                    run -> run.succeeded() || crashedPrinting(run)));
            tools.add(new Tool("jfr summary (JDK 25)", defaultHeap,
                    (file, gcLog) -> List.of(jfr, "-J" + gcLog, "summary", file), MeasuredRun::succeeded));
        } else {
            System.err.println("bench: no JDK 25 found: no jfr comparison");
        }
        Path jmc = setup.benchJar().resolveSibling("jmc");
        if (Files.isDirectory(jmc)) {
            // JMC's report exits 0 whatever happens: it completed if it printed its rules and no error.
            tools.add(new Tool("JMC rules report", defaultHeap,
                    (file, gcLog) -> List.of(setup.java(), gcLog, "-cp", jmc + "/*", JMC_MAIN, "-format", "text", file),
                    run -> run.succeeded() && run.outcome().stdout().contains("Rule:") && !run.printedError()));
        } else {
            System.err.println("bench: no JMC jars at " + jmc + ": build with mvn -DskipTests package");
        }
        return tools;
    }

    /**
     * JDK 25.0.3's {@code jfr view} throws NoSuchElementException while printing its table when a JavaMonitorEnter
     * event has an empty stack trace (as one from a thread that is ending can have). It has read the whole file and
     * grouped its events by then, so its time is kept, with a note.
     */
    private static boolean crashedPrinting(MeasuredRun run) {
        String stderr = run.outcome().stderr();
        return stderr.contains("NoSuchElementException") && stderr.contains("jdk.jfr.internal.query.TableRenderer");
    }

    /** Every JVM here picks the same default: a quarter of the machine's memory. */
    private static String defaultHeap() {
        long total = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format(Locale.ROOT, "default (%.1f GB)", total / 4 / 1e9);
    }

    private void measure(Path file, String label, String composition, List<Tool> tools, int rounds)
            throws Exception {
        double megabytes = Recordings.megabytes(file);
        Map<Tool, List<MeasuredRun>> runs = new LinkedHashMap<>();
        Map<Tool, String> failures = new LinkedHashMap<>();
        tools.forEach(tool -> runs.put(tool, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            System.err.printf(Locale.ROOT, "bench: %s, %.0f MB, round %d of %d%n", label, megabytes, round + 1, rounds);
            List<Tool> order = new ArrayList<>(tools);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Tool tool : order) {
                if (failures.containsKey(tool)) {
                    continue; // it would fail again, as slowly
                }
                MeasuredRun run = MeasuredRun.of(setup.scratch(), TIMEOUT, gcLog -> tool.command().apply(file, gcLog));
                if (tool.completed().test(run)) {
                    runs.get(tool).add(run);
                } else {
                    failures.put(tool, String.format(Locale.ROOT, "%s after %.1f s (peak heap %.0f MB)", run.failure(),
                            run.seconds(), run.peakHeapMb()));
                }
            }
        }
        print(file, label, composition, megabytes, runs, failures, rounds);
    }

    private static void print(Path file, String label, String composition, double megabytes,
                              Map<Tool, List<MeasuredRun>> runs, Map<Tool, String> failures, int rounds) {
        System.out.printf(Locale.ROOT, "### Analyzer against jfr and JMC: %s, %.0f MB (rounds: %d)%n%n", label, megabytes,
                rounds);
        System.out.println("| tool | heap limit | wall | MB/s | ratio to jfr view | peak heap | heap after collections"
                + " | max RSS |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Double view = null;
        for (Map.Entry<Tool, List<MeasuredRun>> entry : runs.entrySet()) {
            if (entry.getKey().name().equals(JFR_VIEW) && !entry.getValue().isEmpty()) {
                view = Stats.of(seconds(entry.getValue())).median();
            }
        }
        for (Map.Entry<Tool, List<MeasuredRun>> entry : runs.entrySet()) {
            Tool tool = entry.getKey();
            List<MeasuredRun> done = entry.getValue();
            if (done.isEmpty()) {
                System.out.printf(Locale.ROOT, "| %s | %s | did not complete: %s | | | | | |%n", tool.name(), tool.heap(),
                        failures.get(tool));
                continue;
            }
            Stats wall = Stats.of(seconds(done));
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %s | %s | %s | %s |%n", tool.name(), tool.heap(),
                    wall.format("s"), megabytes / wall.median(),
                    view == null ? "-" : String.format(Locale.ROOT, "%.2f", wall.median() / view),
                    Stats.of(done.stream().map(MeasuredRun::peakHeapMb).toList()).format("MB"),
                    Stats.of(done.stream().map(MeasuredRun::afterCollectionMb).toList()).format("MB"),
                    Stats.of(done.stream().map(MeasuredRun::maxRssMb).toList()).format("MB"));
        }
        System.out.println();
        runs.forEach((tool, done) -> {
            if (!done.isEmpty() && failures.containsKey(tool)) {
                System.out.printf(Locale.ROOT, "%s did not complete in a later round: %s.%n%n", tool.name(),
                        failures.get(tool));
            }
            long crashes = done.stream().filter(AnalyzerSpeed::crashedPrinting).count();
            if (crashes > 0) {
                System.out.printf(Locale.ROOT, "%s crashed while printing its table in %d of %d rounds"
                        + " (NoSuchElementException: a JavaMonitorEnter event with an empty stack trace); its time is"
                        + " to the crash, after it had read the file.%n%n", tool.name(), crashes, done.size());
            }
            if (tool.name().equals(ANALYZER) && !done.isEmpty()) {
                System.out.printf(Locale.ROOT, "Analyzer's own figure for its heap (sum of the heap pools' peaks, as in"
                        + " issue 5's table): %s.%n%n", Stats.of(done.stream().map(run -> AnalyzeOnce.counts(run)
                                .get("peakHeap") / 1e6).toList()).format("MB"));
            }
        });
        System.out.printf(Locale.ROOT, "File: %s; each copy holds %s. Wall: the whole process, JVM start-up included."
                + " Peak heap: the most heap G1 had in use, before a collection or at exit (a large limit lets garbage"
                + " count). Heap after collections: the most still in use right after one, a lower bound of what the"
                + " tool kept (0: it never collected). Max RSS: the process's largest resident set"
                + " (/usr/bin/time).%n%n", file.getFileName(), composition);
    }

    private static List<Double> seconds(List<MeasuredRun> runs) {
        return runs.stream().map(MeasuredRun::seconds).toList();
    }
}
