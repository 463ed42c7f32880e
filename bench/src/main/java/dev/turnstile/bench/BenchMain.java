package dev.turnstile.bench;

import dev.turnstile.samples.SampleMain;
import dev.turnstile.testkit.Command;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Measures the agent's overhead against no agent, in one run, and prints Markdown for BENCHMARKS.md.
 *
 * <pre>java -jar bench/target/benchmarks.jar [all|lock|executor|event|startup|classload|samples|sched|overhead|analyzer|scale|soak] [--pairs N] [--seconds S] [--quick]</pre>
 *
 * <ul>
 * <li>{@code lock}: JMH, uncontended lock/unlock in forked JVMs with and without the agent;</li>
 * <li>{@code executor}: JMH, submit of an empty task to a one-worker pool and get, with and without the agent;</li>
 * <li>{@code event}: JMH, one recorded lock-wait event with its stack (agent with threshold=0);</li>
 * <li>{@code startup}: wall time of a hello-world JVM, plain, with JFR alone, with the agent, in pairs;</li>
 * <li>{@code classload}: time to load about 6,000 classes in a running JVM, plain, with the JDK's recording and the
 *     agent's settings, with the agent, in pairs;</li>
 * <li>{@code samples}: throughput (passes per second) of each sample with and without the agent, in pairs;</li>
 * <li>{@code analyzer}: how fast the analyzer reads a recording, and with how much memory, against the JDK's jfr
 *     tool and JMC's rules report (not part of {@code all}; {@code --recording FILE} to use a given file, else
 *     {@code --record-seconds S} of EventStorm and of MonitorStorm (or only {@code --kind storm|monitors}) with
 *     threshold 0 are recorded first;
 *     {@code --target-mb 100,1000} reads files of about those sizes made of copies of it end to end, or
 *     {@code --copies N} the file itself and N copies).</li>
 * <li>{@code scale}: many platform threads ({@code --platform-threads N}, 10,000), many virtual threads on JDK 25
 *     ({@code --virtual-threads N}, 1,000,000), each with and without the agent and analyzed, and a recording of
 *     about the largest {@code --target-mb} (1,000) analyzed with the analyzer's 512 MB heap (not part of
 *     {@code all}).</li>
 * <li>{@code profiler}: what async-profiler adds: start-up, and throughput of gil and parallel, with the agent's
 *     profiler off and on (its defaults), beside no agent.</li>
 * <li>{@code sched}: one period of the scheduler sampler with 100 and 10,000 live threads, idle or waking.</li>
 * <li>{@code overhead}: the agent beside no agent, the JDK's profile recording alone and async-profiler's lock mode
 *     alone, on gil, parallel and a web service under load (not part of {@code all}; {@code --quick} for a smoke
 *     run: 2 rounds, 1 s samples, short load windows).</li>
 * <li>{@code soak [--minutes M] [--every S] [--nmt] [--trim] [--no-agent | --jfr-alone] [--agent-options OPTIONS]}: minutes of lock-heavy load under the agent; does memory or
 *     the thread count grow? (see {@link Soak}; not part of {@code all}).</li>
 * </ul>
 * Pairs alternate the order of the arms so drift on a noisy machine hits them alike; figures are medians
 * with their range.
 */
public final class BenchMain {
    private static final Pattern CLASSES_LOADED = Pattern.compile("classes=(\\d+) failed=\\d+ nanos=(\\d+)");
    private final Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    private final Path benchJar;
    private final Path agentJar;
    private final Path scratch;
    private final int pairs;
    private final double seconds;

    private BenchMain(Path benchJar, Path agentJar, int pairs, double seconds) throws Exception {
        this.benchJar = benchJar;
        this.agentJar = agentJar;
        this.pairs = pairs;
        this.seconds = seconds;
        this.scratch = Files.createTempDirectory("turnstile-bench");
    }

    private BenchSetup setup() {
        return new BenchSetup(java, benchJar, agentJar, scratch);
    }

    public static void main(String[] args) throws Exception {
        String what = "all";
        int pairs = 10;
        double seconds = 3;
        Path recording = null;
        double recordSeconds = 10;
        int copies = 1;
        boolean quick = false;
        List<Double> targetMb = new ArrayList<>();
        String kind = null;
        int platformThreads = 10_000;
        int virtualThreads = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--recording" -> recording = Path.of(args[++i]);
                case "--record-seconds" -> recordSeconds = Double.parseDouble(args[++i]);
                case "--copies" -> copies = Integer.parseInt(args[++i]);
                case "--kind" -> kind = args[++i];
                case "--target-mb" -> targetMb = Arrays.stream(args[++i].split(",")).map(Double::parseDouble).toList();
                case "--platform-threads" -> platformThreads = Integer.parseInt(args[++i]);
                case "--virtual-threads" -> virtualThreads = Integer.parseInt(args[++i]);
                case "--pairs" -> pairs = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--quick" -> quick = true;
                default -> what = args[i];
            }
        }
        Path benchJar = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path agentJar = benchJar.resolveSibling("turnstile-agent.jar");
        if (!Files.isRegularFile(agentJar)) {
            System.err.println("no agent at " + agentJar + ": build with mvn -DskipTests package");
            System.exit(2);
        }
        if (quick) {
            pairs = 2;
            seconds = 1;
        }
        BenchMain bench = new BenchMain(benchJar, agentJar, pairs, seconds);
        System.out.printf(Locale.ROOT, "Measured %s on Java %s, %d CPUs.%n%n", LocalDate.now(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (args.length > 0 && args[0].equals("soak")) {
            new Soak(bench.setup()).run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (what.equals("all") || what.equals("lock")) {
            bench.uncontendedLock();
        }
        if (what.equals("all") || what.equals("executor")) {
            bench.executor();
        }
        if (what.equals("all") || what.equals("event")) {
            bench.event();
        }
        if (what.equals("all") || what.equals("startup")) {
            bench.startup();
        }
        if (what.equals("all") || what.equals("classload")) {
            bench.classLoading();
        }
        if (what.equals("all") || what.equals("samples")) {
            bench.samples();
        }
        if (what.equals("all") || what.equals("profiler")) {
            bench.profiler();
        }
        if (what.equals("analyzer")) {
            new AnalyzerSpeed(bench.setup()).run(recording,
                    AnalyzerSpeed.Kind.parse(kind), recordSeconds, targetMb, copies, pairs);
        }
        if (what.equals("scale")) {
            new ScaleBench(bench.setup(), pairs).run(platformThreads, virtualThreads,
                    recordSeconds, targetMb.isEmpty() ? 1000 : Collections.max(targetMb));
        }
        if (what.equals("all") || what.equals("sched")) {
            bench.schedulerSampler();
        }
        if (what.equals("overhead")) {
            bench.overhead(quick);
        }
    }

    /**
     * The sampler's code with the agent's bridge on the class path, in a JVM of its own per case: no baseline, it is a
     * cost the agent adds once a period on JFR's periodic thread, not on the program's threads.
     */
    private void schedulerSampler() {
        int periods = 10;
        System.out.println("### Scheduler sampler: one period (ms; " + periods + " periods per case, each in a JVM of its"
                + " own)");
        System.out.println();
        System.out.println("| live threads | threads | wall per period | CPU per period | events per period |");
        System.out.println("|---|---|---|---|---|");
        for (int threads : List.of(100, 10_000)) {
            for (String mode : List.of("idle", "waking")) {
                System.err.printf(Locale.ROOT, "bench: scheduler sampler, %d %s threads%n", threads, mode);
                Command.Outcome outcome = Command.of(java, "-cp", benchJar + File.pathSeparator + agentJar,
                        SchedulerSampleCost.class.getName(), threads, periods, mode)
                        .timeout(Duration.ofMinutes(3)).run();
                if (outcome.exitCode() != 0) {
                    throw new IllegalStateException("sampler benchmark failed\n" + outcome.describe());
                }
                List<Double> wall = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                long events = 0;
                for (String line : outcome.stdout().split("\n")) {
                    String[] words = line.trim().split(" ");
                    if (words[0].equals("period")) {
                        wall.add(Double.parseDouble(words[1]));
                        cpu.add(Double.parseDouble(words[2]));
                    } else if (words[0].equals("events")) {
                        events = Long.parseLong(words[1]);
                    }
                }
                System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %,d |%n", threads, mode,
                        Stats.of(wall).format("ms"), Stats.of(cpu).format("ms"), events / periods);
            }
        }
        System.out.println();
    }

    private void uncontendedLock() throws Exception {
        compareJmh(UncontendedLockBenchmark.class, "Uncontended lock and unlock");
    }

    private void executor() throws Exception {
        compareJmh(ExecutorBenchmark.class, "Submit of an empty task to a one-worker pool, and get");
    }

    /** No baseline to compare with: the event path exists only with the agent. */
    private void event() throws Exception {
        Map<String, Stats> agent = jmh(options(LockEventBenchmark.class),
                Arm.agentWithThreshold(agentJar, scratch.resolve("jmh-event.jfr"), "0"));
        System.out.println("### One recorded lock-wait event with its stack (JMH, ns/op; agent with threshold=0)");
        System.out.println();
        System.out.println("| benchmark | agent |");
        System.out.println("|---|---|");
        agent.forEach((name, stats) -> System.out.printf(Locale.ROOT, "| %s | %s |%n", name, stats.format("ns")));
        System.out.println();
    }

    private void compareJmh(Class<?> benchmark, String title) throws Exception {
        Options base = options(benchmark);
        Map<String, Stats> plain = jmh(base, Arm.plain());
        Map<String, Stats> agent = jmh(base, Arm.agent(agentJar, scratch.resolve("jmh.jfr")));
        System.out.println("### " + title + " (JMH, ns/op; 3 forks x 5 iterations)");
        System.out.println();
        System.out.println("| benchmark | no agent | agent | ratio of medians |");
        System.out.println("|---|---|---|---|");
        for (String name : plain.keySet()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f |%n", name, plain.get(name).format("ns"),
                    agent.get(name).format("ns"), agent.get(name).median() / plain.get(name).median());
        }
        System.out.println();
    }

    private static Options options(Class<?> benchmark) {
        return new OptionsBuilder()
                .include(benchmark.getName())
                .forks(3).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
    }

    private static Map<String, Stats> jmh(Options base, Arm arm) throws Exception {
        System.err.println("bench: JMH, " + arm.name());
        Options options = new OptionsBuilder().parent(base).jvmArgsAppend(arm.jvmOptions().toArray(String[]::new))
                .build();
        Map<String, Stats> byBenchmark = new LinkedHashMap<>();
        for (RunResult run : new Runner(options).run()) {
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            String name = run.getParams().getBenchmark();
            byBenchmark.put(name.substring(name.lastIndexOf('.') + 1), Stats.of(scores));
        }
        return byBenchmark;
    }

    private void startup() {
        List<Arm> arms = List.of(Arm.plain(), Arm.jfrOnly(scratch.resolve("startup-jfr.jfr")),
                Arm.agent(agentJar, scratch.resolve("startup-agent.jfr")));
        Map<String, List<Double>> millis = pairs(arms, arm -> {
            long start = System.nanoTime();
            run(arm, Hello.class.getName());
            return (System.nanoTime() - start) / 1e6;
        });
        System.out.println("### Start-up and shutdown of a hello-world JVM (wall ms, " + pairs + " rounds)");
        System.out.println();
        table(millis, "ms", "no agent");
    }

    /**
     * The time to load some 6,000 classes in a JVM that already runs ({@link ClassLoading}): what the agent's
     * transformers add to each class a program loads, beside the JDK's recording with the agent's settings.
     */
    private void classLoading() throws IOException {
        List<Arm> arms = List.of(Arm.plain(), Arm.jfrWithSettings(setup().agentSettings(), scratch.resolve("classes-jfr.jfr")),
                Arm.agent(agentJar, scratch.resolve("classes-agent.jfr")));
        // The same jar in every arm: the count is the same in each run.
        String[] classes = {"?"};
        Map<String, List<Double>> millis = pairs(arms, arm -> {
            Command.Outcome outcome = run(arm, ClassLoading.class.getName());
            Matcher m = CLASSES_LOADED.matcher(outcome.stdout());
            if (!m.find()) {
                throw new IllegalStateException("ClassLoading printed no result\n" + outcome.describe());
            }
            classes[0] = m.group(1);
            return Long.parseLong(m.group(2)) / 1e6;
        });
        System.out.printf(Locale.ROOT, "### Class loading: %s classes of the bench's jar in a new class loader (ms, "
                + "JVM start-up not included, %d rounds)%n%n", classes[0], pairs);
        table(millis, "ms", "no agent");
    }

    /** The profiler's arms: the agent without it, and with its defaults (wall-clock 20 ms, CPU 10 ms). */
    private List<Arm> profilerArms(String tag) {
        return List.of(Arm.plain(),
                Arm.agentWithOptions("agent, profiler off", agentJar, scratch.resolve(tag + "-off.jfr"), "profiler=off"),
                Arm.agentWithOptions("agent, profiler on", agentJar, scratch.resolve(tag + "-on.jfr"), "profiler=wall+cpu"));
    }

    /**
     * Wall-clock figures on a shared, busy machine say little about a few percent; the CPU time the JVM used
     * (user + system, from /usr/bin/time) per unit of work is what the profiler adds, and other load disturbs it
     * far less. Both are printed.
     */
    private void profiler() {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, List<Double>> cpuMillis = pairs(profilerArms("startup"), arm -> {
            long start = System.nanoTime();
            double cpu = cpuMillis(runTimed(arm, Hello.class.getName()));
            millis.computeIfAbsent(arm.name(), k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
            return cpu;
        });
        System.out.println("### async-profiler: start-up and shutdown of a hello-world JVM (" + pairs + " rounds)");
        System.out.println();
        titledTable("Wall ms:", millis, "ms", "agent, profiler off");
        titledTable("CPU ms (user + system):", cpuMillis, "ms", "agent, profiler off");
        for (String sample : List.of("gil", "parallel")) {
            Map<String, List<Double>> throughput = new LinkedHashMap<>();
            Map<String, List<Double>> cpuPerPass = pairs(profilerArms(sample), arm -> {
                Command.Outcome outcome = runTimed(arm, SampleMain.class.getName(), sample, "--seconds",
                        String.valueOf(seconds));
                double passes = passes(outcome);
                throughput.computeIfAbsent(arm.name(), k -> new ArrayList<>()).add(passes / seconds);
                return cpuMillis(outcome) * 1000 / passes;
            });
            System.out.printf(Locale.ROOT, "### async-profiler: sample %s (%.0f s, %d rounds)%n%n", sample, seconds,
                    pairs);
            titledTable("Throughput, passes/s:", throughput, "/s", "agent, profiler off");
            titledTable("CPU time per pass, µs (user + system of the whole JVM, start-up included):", cpuPerPass, "us", "agent, profiler off");
        }
    }

    /** As {@link #run}, under /usr/bin/time, which adds the JVM's CPU time to stderr (see {@link #cpuMillis}). */
    private Command.Outcome runTimed(Arm arm, String mainClass, String... args) {
        return launch(List.of("/usr/bin/time", "-f", "cpu=%U+%S"), arm, mainClass, args);
    }

    /** The last line /usr/bin/time printed: {@code cpu=USER+SYSTEM} in seconds. */
    private static double cpuMillis(Command.Outcome outcome) {
        List<String> lines = outcome.stderr().lines().filter(l -> l.startsWith("cpu=")).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("no CPU time from /usr/bin/time\n" + outcome.describe());
        }
        String[] parts = lines.get(lines.size() - 1).substring("cpu=".length()).split("\\+");
        return (Double.parseDouble(parts[0]) + Double.parseDouble(parts[1])) * 1000;
    }

    private void samples() {
        for (String sample : List.of("gil", "gil-juc", "parallel")) {
            List<Arm> arms = List.of(Arm.plain(), Arm.agent(agentJar, scratch.resolve(sample + ".jfr")));
            Map<String, List<Double>> throughput = pairs(arms, arm -> {
                Command.Outcome outcome = run(arm, SampleMain.class.getName(), sample, "--seconds",
                        String.valueOf(seconds));
                return passes(outcome) / seconds;
            });
            System.out.printf(Locale.ROOT, "### Sample %s: throughput (passes/s over %.0f s, %d rounds)%n%n", sample,
                    seconds, pairs);
            table(throughput, "/s", "no agent");
        }
    }

    /** How many requests the web service's load keeps in flight: enough to queue on two CPUs and on its locks. */
    private static final int CONNECTIONS = 16;

    /**
     * Issue 9: the agent's cost beside the cost of the JDK's profile recording alone and of async-profiler's lock mode
     * alone, all against no agent in the same rounds, on the gil and parallel samples (passes/s) and on a web service
     * under load ({@link CatalogServer} loaded by {@link CatalogLoad}: requests/s, latency p50 and p99). The agent
     * runs as turnstile run starts it, with its defaults (async-profiler's wall-clock and CPU samples included).
     */
    private void overhead(boolean quick) throws Exception {
        Path library = AsyncProfilerLibrary.extract(benchJar.resolveSibling("async-profiler.jar"), scratch);
        Map<String, Map<String, List<Double>>> measures = new LinkedHashMap<>();
        for (String sample : List.of("gil", "parallel")) {
            System.err.println("bench: overhead, sample " + sample);
            Map<String, List<Double>> throughput = pairs(overheadArms(library, sample), arm -> passes(
                    run(arm, SampleMain.class.getName(), sample, "--seconds", String.valueOf(seconds))) / seconds);
            System.out.printf(Locale.ROOT, "### Overhead: sample %s, throughput (passes/s over %.0f s, %d rounds)%n%n",
                    sample, seconds, pairs);
            table(throughput, "/s", "no agent");
            measures.put(sample + ", passes/s", throughput);
        }
        Duration warmUp = Duration.ofSeconds(quick ? 2 : 5);
        Duration measured = Duration.ofSeconds(quick ? 3 : 6);
        System.err.println("bench: overhead, web service under load");
        Map<String, List<Double>> p50 = new LinkedHashMap<>();
        Map<String, List<Double>> p99 = new LinkedHashMap<>();
        Map<String, List<Double>> requests;
        String placement;
        try (CpuSplit split = CpuSplit.begin()) {
            placement = split.describe();
            requests = pairs(overheadArms(library, "catalog"), arm -> {
                CatalogLoad.Result result = serveUnderLoad(split.serverCommand(
                        javaCommand(arm, CatalogServer.class.getName())), warmUp, measured);
                p50.computeIfAbsent(arm.name(), k -> new ArrayList<>()).add(result.p50Micros());
                p99.computeIfAbsent(arm.name(), k -> new ArrayList<>()).add(result.p99Micros());
                return result.requestsPerSecond();
            });
        }
        System.out.printf(Locale.ROOT, "### Overhead: web service under load (Jetty, %d connections from the benchmark's"
                + " JVM; %s; %d s warm-up, %d s measured, %d rounds)%n%n", CONNECTIONS, placement, warmUp.toSeconds(),
                measured.toSeconds(), pairs);
        titledTable("Throughput, requests/s:", requests, "/s", "no agent");
        titledTable("Latency p50, µs:", p50, "µs", "no agent");
        titledTable("Latency p99, µs:", p99, "µs", "no agent");
        measures.put("web service, requests/s", requests);
        measures.put("web service, p50", p50);
        measures.put("web service, p99", p99);
        ratioSummary(measures);
    }

    /** No agent, the JDK's profile recording, async-profiler's lock mode, the agent: each recording its own file. */
    private List<Arm> overheadArms(Path asyncProfiler, String tag) {
        return List.of(Arm.plain(), Arm.jfrOnly(scratch.resolve(tag + "-jfr.jfr")),
                Arm.asyncProfilerLock(asyncProfiler, scratch.resolve(tag + "-async-profiler.jfr")),
                Arm.agent(agentJar, scratch.resolve(tag + "-agent.jfr")));
    }

    private CatalogLoad.Result serveUnderLoad(List<String> serverCommand, Duration warmUp, Duration measured) {
        try (ServerProcess server = ServerProcess.start(serverCommand, scratch)) {
            return CatalogLoad.run(server.port(), CONNECTIONS, warmUp, measured);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every measure's ratio of medians to no agent, one row per arm: the overhead tables at a glance. */
    private static void ratioSummary(Map<String, Map<String, List<Double>>> measures) {
        System.out.println("### Overhead: ratios of medians to no agent");
        System.out.println();
        System.out.println("| arm | " + String.join(" | ", measures.keySet()) + " |");
        System.out.println("|---" + "|---".repeat(measures.size()) + "|");
        for (String arm : measures.values().iterator().next().keySet()) {
            StringBuilder row = new StringBuilder("| " + arm + " |");
            measures.values().forEach(values -> row.append(String.format(Locale.ROOT, " %.3f |",
                    Stats.of(values.get(arm)).median() / Stats.of(values.get("no agent")).median())));
            System.out.println(row);
        }
        System.out.println();
    }

    private Map<String, List<Double>> pairs(List<Arm> arms, Measure measure) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        arms.forEach(arm -> values.put(arm.name(), new ArrayList<>()));
        for (int round = 0; round < pairs; round++) {
            List<Arm> order = new ArrayList<>(arms);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Arm arm : order) {
                values.get(arm.name()).add(measure.on(arm));
            }
            System.err.printf(Locale.ROOT, "bench: round %d of %d%n", round + 1, pairs);
        }
        return values;
    }

    /** A table under a line that says what it measures. */
    private static void titledTable(String title, Map<String, List<Double>> values, String unit, String baseline) {
        System.out.println(title);
        System.out.println();
        table(values, unit, baseline);
    }

    private static void table(Map<String, List<Double>> values, String unit, String baseline) {
        double base = Stats.of(values.get(baseline)).median();
        System.out.println("| arm | median (range) | ratio to " + baseline + " |");
        System.out.println("|---|---|---|");
        values.forEach((arm, list) -> {
            Stats stats = Stats.of(list);
            System.out.printf(Locale.ROOT, "| %s | %s | %.3f |%n", arm, stats.format(unit), stats.median() / base);
        });
        System.out.println();
    }

    private Command.Outcome run(Arm arm, String mainClass, String... args) {
        return launch(List.of(), arm, mainClass, args);
    }

    private Command.Outcome launch(List<Object> prefix, Arm arm, String mainClass, String... args) {
        List<Object> command = new ArrayList<>(prefix);
        command.addAll(javaCommand(arm, mainClass, args));
        Command.Outcome outcome = Command.of(command.toArray()).timeout(Duration.ofMinutes(2)).run();
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException("benchmark program failed\n" + outcome.describe());
        }
        return outcome;
    }

    /** A benchmark program's command line: this JVM's java, the arm's options, benchmarks.jar as the class path. */
    private List<String> javaCommand(Arm arm, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(arm.jvmOptions());
        command.addAll(List.of("-cp", benchJar.toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static double passes(Command.Outcome outcome) {
        for (String pair : outcome.stdout().split("\\s+")) {
            if (pair.startsWith("passes=")) {
                return Double.parseDouble(pair.substring("passes=".length()));
            }
        }
        throw new IllegalStateException("no passes= in the sample's truth line\n" + outcome.describe());
    }

    @FunctionalInterface
    private interface Measure {
        double on(Arm arm);
    }
}
