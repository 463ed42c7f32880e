package dev.turnstile.bench;

import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether Turnstile holds up at scale, recorded and analyzed (issue 9):
 *
 * <ol>
 * <li>many platform threads alive at once ({@link ManyPlatformThreads}, 10,000 by default), on the JVM running the
 *     benchmarks;</li>
 * <li>many virtual threads ({@link ManyVirtualThreads}, 1,000,000 by default) on JDK 25;</li>
 * <li>a large recording (about 1 GB of {@link EventStorm} copies), analyzed with the analyzer's 512 MB heap.</li>
 * </ol>
 *
 * For the first two the program runs in rounds, each running it once per arm in an order that rotates: without the
 * agent, under the JDK's own recording with the agent's settings file and no agent (what the JDK's events alone cost),
 * under the agent with its defaults, and under the agent with one option that answers the crowd's largest cost (see
 * {@link Lighter}). Each recording of the agent's defaults is analyzed in a JVM of its own with {@code -Xmx512m}.
 * Counts from the analysis are checked against what the program did, so a figure from an analysis that lost data is
 * not taken for a good one.
 */
final class ScaleBench {
    private static final Pattern PROGRAM_NANOS = Pattern.compile("nanos=(\\d+)");
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /**
     * The fourth arm of each crowd: the agent with the one option that answers that crowd's largest cost. Thousands
     * of platform threads make async-profiler's wall-clock sampling costly (it visits every thread each interval);
     * a million sleeping virtual threads make the JDK's sleep stacks costly.
     */
    private record Lighter(String options, String why) {
    }

    private static final Lighter WITHOUT_WALL_CLOCK = new Lighter("profiler=cpu",
            "leaves out async-profiler's wall-clock samples");
    private static final Lighter WITHOUT_SLEEP_STACKS = new Lighter("sleepstacks=off",
            "records sleeps without their stacks");

    private final BenchSetup setup;
    private final int pairs;

    /** One side of a pair: the process's wall time, the program's own time (nanos=), and its memory. */
    private record Target(MeasuredRun run, double programSeconds) {
    }

    ScaleBench(BenchSetup setup, int pairs) {
        this.setup = setup;
        this.pairs = pairs;
    }

    void run(int platformThreads, int virtualThreads, double recordSeconds, double targetMb) throws Exception {
        long start = System.nanoTime();
        crowd(String.format(Locale.ROOT, "%,d platform threads", platformThreads), setup.java(),
                System.getProperty("java.version"), ManyPlatformThreads.class, platformThreads, WITHOUT_WALL_CLOCK,
                counts -> platformSanity(counts, platformThreads));
        Jdk jdk25 = Jdks.find(25).orElse(null);
        if (jdk25 == null) {
            System.out.println("No JDK 25 found: no virtual-thread case.\n");
        } else {
            crowd(String.format(Locale.ROOT, "%,d virtual threads", virtualThreads), jdk25.java(), jdk25.version(),
                    ManyVirtualThreads.class, virtualThreads, WITHOUT_SLEEP_STACKS,
                    counts -> virtualSanity(counts, virtualThreads));
        }
        largeRecording(recordSeconds, targetMb);
        System.err.printf(Locale.ROOT, "bench: the scale benchmark took %.1f min%n", (System.nanoTime() - start) / 60e9);
    }

    private void crowd(String title, Path targetJava, String version, Class<?> program, int count, Lighter lighter,
                       Function<Map<String, Long>, String> sanity) throws IOException {
        Path settings = setup.agentSettings();
        Path scratchRecording = setup.scratch().resolve("scale-other-arm.jfr");
        Arm plain = Arm.plain();
        Arm jfr = Arm.jfrWithSettings(settings, scratchRecording);
        Arm lighterAgent = Arm.agentWithOptions("Turnstile agent, " + lighter.options(), setup.agentJar(),
                scratchRecording, lighter.options());
        Map<String, List<Target>> targets = new LinkedHashMap<>(); // by arm name: the agent's recording differs per round
        List<Double> recordingMb = new ArrayList<>();
        List<MeasuredRun> analyses = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (int round = 0; round < pairs; round++) {
            System.err.printf(Locale.ROOT, "bench: scale, %s, round %d of %d%n", title, round + 1, pairs);
            Path recording = setup.scratch().resolve("scale-" + program.getSimpleName() + "-" + round + ".jfr");
            Arm withAgent = Arm.agent(setup.agentJar(), recording);
            List<Arm> arms = List.of(plain, jfr, withAgent, lighterAgent);
            for (int i = 0; i < arms.size(); i++) {
                Arm arm = arms.get((i + round) % arms.size());
                targets.computeIfAbsent(arm.name(), k -> new ArrayList<>()).add(target(targetJava, arm, program, count));
                Files.deleteIfExists(scratchRecording);
            }
            recordingMb.add(Recordings.megabytes(recording));
            MeasuredRun analysis = AnalyzeOnce.run(setup, recording);
            Files.delete(recording);
            Map<String, Long> counts = AnalyzeOnce.counts(analysis);
            if (counts.isEmpty()) {
                verdicts.add(String.format(Locale.ROOT, "did not complete: %s after %.1f s (peak heap %.0f MB)",
                        analysis.failure(), analysis.seconds(), analysis.peakHeapMb()));
            } else {
                analyses.add(analysis);
                verdicts.add(sanity.apply(counts));
            }
        }
        System.out.printf(Locale.ROOT, "### Scale: %s (Java %s, rounds: %d)%n%n", title, version, pairs);
        System.out.printf(Locale.ROOT, "The program under each arm (ratios: medians against no agent; the agent with"
                + " %s %s):%n%n", lighter.options(), lighter.why());
        StringBuilder header = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String arm : targets.keySet()) {
            header.append(' ').append(arm).append(" |");
            rule.append("---|");
        }
        for (String arm : targets.keySet()) {
            if (!arm.equals(plain.name())) {
                header.append(" ratio, ").append(arm).append(" |");
                rule.append("---|");
            }
        }
        System.out.println(header);
        System.out.println(rule);
        row("process wall time (JVM start-up and the recording's end included)", "s", targets, plain.name(),
                t -> t.run().seconds());
        row("program's own time (first thread started to last ended)", "s", targets, plain.name(),
                Target::programSeconds);
        row("max RSS", "MB", targets, plain.name(), t -> t.run().maxRssMb());
        System.out.println();
        System.out.printf(Locale.ROOT, "Recording (the agent's defaults): %s.%n%n", Stats.of(recordingMb).format("MB"));
        System.out.printf(Locale.ROOT, "Analysis (%s, a JVM of its own per recording): %d of %d completed.", AnalyzeOnce.HEAP,
                analyses.size(), pairs);
        if (!analyses.isEmpty()) {
            System.out.printf(Locale.ROOT, " Wall %s, peak heap %s, heap after collections %s (G1 log), max RSS %s.",
                    Stats.of(analyses.stream().map(MeasuredRun::seconds).toList()).format("s"),
                    Stats.of(analyses.stream().map(MeasuredRun::peakHeapMb).toList()).format("MB"),
                    Stats.of(analyses.stream().map(MeasuredRun::afterCollectionMb).toList()).format("MB"),
                    Stats.of(analyses.stream().map(MeasuredRun::maxRssMb).toList()).format("MB"));
        }
        System.out.println();
        System.out.println();
        for (int i = 0; i < verdicts.size(); i++) {
            System.out.printf(Locale.ROOT, "- round %d: %s%n", i + 1, verdicts.get(i));
        }
        System.out.println();
    }

    private Target target(Path targetJava, Arm arm, Class<?> program, int count) {
        MeasuredRun run = MeasuredRun.of(setup.scratch(), TIMEOUT, gcLog -> {
            List<Object> command = new ArrayList<>(List.of(targetJava, gcLog));
            command.addAll(arm.jvmOptions());
            command.addAll(List.of("-cp", setup.benchJar(), program.getName(), count));
            return command;
        });
        Matcher nanos = PROGRAM_NANOS.matcher(run.outcome().stdout());
        if (!run.succeeded() || !nanos.find()) {
            throw new IllegalStateException(program.getSimpleName() + " failed (" + arm.name() + ")\n"
                    + run.outcome().describe());
        }
        return new Target(run, Long.parseLong(nanos.group(1)) / 1e9);
    }

    private static void row(String measure, String unit, Map<String, List<Target>> targets, String baseline,
                            ToDoubleFunction<Target> value) {
        StringBuilder line = new StringBuilder("| " + measure + " |");
        Map<String, Stats> stats = new LinkedHashMap<>();
        targets.forEach((arm, runs) -> stats.put(arm, Stats.of(runs.stream().map(value::applyAsDouble).toList())));
        stats.values().forEach(s -> line.append(' ').append(s.format(unit)).append(" |"));
        double base = stats.get(baseline).median();
        stats.forEach((arm, s) -> {
            if (!arm.equals(baseline)) {
                line.append(String.format(Locale.ROOT, " %.2f |", s.median() / base));
            }
        });
        System.out.println(line);
    }

    /**
     * Sane when the analyzer counted about as many platform threads as the program started: a few more are the JVM's
     * and JFR's own, started after the agent.
     */
    private static String platformSanity(Map<String, Long> counts, int threads) {
        long started = counts.get("threadsStarted");
        boolean sane = started >= threads && started <= threads + Math.max(50, threads / 100);
        return String.format(Locale.ROOT, "%s: %,d platform threads started (the program started %,d), at most %,d"
                        + " alive at once (jdk.JavaThreadStatistics, once a second), %,d lock waits on %d locks, %d"
                        + " findings", sane ? "sane" : "NOT sane", started, threads, counts.get("peakLiveThreads"),
                counts.get("lockWaits"), counts.get("locks"), counts.get("findings"));
    }

    /** Sane when the analyzer counted within 1 % of the virtual threads the program started (its warm round's too). */
    private static String virtualSanity(Map<String, Long> counts, int timed) {
        long started = counts.get("virtualThreadsStarted");
        int threads = ManyVirtualThreads.started(timed);
        boolean sane = Math.abs(started - threads) <= threads / 100;
        return String.format(Locale.ROOT, "%s: %,d virtual threads started (the program started %,d), %,d platform"
                        + " threads started, %,d lock waits on %d locks, %d findings", sane ? "sane" : "NOT sane",
                started, threads, counts.get("threadsStarted"), counts.get("lockWaits"), counts.get("locks"),
                counts.get("findings"));
    }

    /**
     * The large-recording case: copies of one {@link EventStorm} recording, analyzed once alone and once as the whole.
     * Sane when the whole's counts are the copies' number times the one's: nothing dropped on the way.
     */
    private void largeRecording(double recordSeconds, double targetMb) throws Exception {
        AnalyzerSpeed speed = new AnalyzerSpeed(setup);
        Path one = speed.record(AnalyzerSpeed.Kind.STORM, recordSeconds);
        int copies = Recordings.copiesFor(one, targetMb);
        Path whole = Recordings.concatenated(one, copies, setup.scratch());
        try {
            System.err.println("bench: scale, analyzing one copy and " + copies + " copies");
            Map<String, Long> oneCounts = AnalyzeOnce.counts(AnalyzeOnce.run(setup, one));
            MeasuredRun analysis = AnalyzeOnce.run(setup, whole);
            Map<String, Long> wholeCounts = AnalyzeOnce.counts(analysis);
            System.out.printf(Locale.ROOT, "### Scale: a %.0f MB recording (%d copies of %.0f MB of EventStorm at"
                    + " threshold 0), %s%n%n", Recordings.megabytes(whole), copies, Recordings.megabytes(one),
                    AnalyzeOnce.HEAP);
            if (wholeCounts.isEmpty()) {
                System.out.printf(Locale.ROOT, "Did not complete: %s after %.1f s (peak heap %.0f MB, max RSS %.0f MB).%n%n",
                        analysis.failure(), analysis.seconds(), analysis.peakHeapMb(), analysis.maxRssMb());
                return;
            }
            System.out.printf(Locale.ROOT, "Completed in %.1f s (%.1f MB/s), peak heap %.0f MB, heap after collections"
                    + " %.0f MB (G1 log; %.0f MB as the sum of the heap pools' peaks), max RSS %.0f MB.%n%n",
                    analysis.seconds(), Recordings.megabytes(whole) / analysis.seconds(), analysis.peakHeapMb(),
                    analysis.afterCollectionMb(), wholeCounts.get("peakHeap") / 1e6, analysis.maxRssMb());
            for (String count : List.of("lockWaits", "threadsStarted")) {
                long expected = oneCounts.getOrDefault(count, -1L) * copies;
                System.out.printf(Locale.ROOT, "- %s: %,d, %s (one copy: %,d)%n", count, wholeCounts.get(count),
                        wholeCounts.get(count) == expected ? "sane, the copies' number times one copy's"
                                : "NOT the copies' number times one copy's", oneCounts.getOrDefault(count, -1L));
            }
            System.out.println();
        } finally {
            Files.deleteIfExists(whole);
            Files.deleteIfExists(one);
        }
    }
}
