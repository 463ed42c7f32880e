package dev.turnstile.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minutes of lock-heavy load ({@link SoakLoad}) under the agent with its defaults (async-profiler's wall-clock and CPU
 * samples, the scheduler sampler): does anything grow? Every few seconds the load reports its heap after a full
 * collection, metaspace and live Java threads, and this reads the process's resident memory and OS threads from
 * {@code /proc/PID/status} at the same moment. The first minute's medians are compared with the last minute's.
 *
 * <p>The heap is fixed and touched up front ({@code -Xms=-Xmx}, {@code AlwaysPreTouch}) so that resident memory does
 * not grow merely because the collector spreads over more of a heap it was allowed all along: what is left to grow is
 * native memory (JFR's buffers, async-profiler's, the agent's tables, thread stacks, code).
 *
 * <p>{@code --nmt} runs the load with native memory tracking and prints which of the JVM's native memory categories
 * changed after the first minute: a lead when resident memory grows. {@code --agent-options} replaces the agent's
 * defaults (e.g. {@code profiler=off}), to tell which part of it a growth comes from. {@code --trim} has the JVM hand
 * the C library's free memory back to the system every {@value #TRIM_MILLIS} ms ({@code TrimNativeHeapInterval}):
 * resident memory that still grows then is memory in use, not free memory the allocator kept. {@code --no-agent} runs
 * the load alone, for what the JVM and the load do by themselves; {@code --jfr-alone} runs it under the JDK's own
 * recording with the agent's settings file and no agent, for what the JDK's events do by themselves.
 *
 * <pre>java -jar bench/target/benchmarks.jar soak [--minutes 10] [--every 5] [--nmt] [--trim] [--no-agent | --jfr-alone] [--agent-options OPTIONS]</pre>
 */
final class Soak {
    private static final Pattern SAMPLE = Pattern.compile(
            "soak-sample seconds=([\\d.]+) heapAfterGc=(\\d+) metaspace=(\\d+) javaThreads=(\\d+) passes=(\\d+)");
    private static final String HEAP = "128m";
    private static final double MB = 1024 * 1024;
    private static final int TRIM_MILLIS = 5000;

    /** One report of the load, with what /proc said about the process when it arrived. */
    record Sample(double seconds, double heapMb, double metaspaceMb, double javaThreads, double rssMb,
                  double osThreads, long passes) {
    }

    /**
     * What counts as growth of one measure: the last minute's median above the first minute's by more than both
     * {@code relative} of it and {@code absolute}. The absolute part keeps noise on small figures (a few megabytes of
     * heap, a short-lived thread alive at the moment of a sample) from counting.
     */
    record Measure(String name, String unit, ToDoubleFunction<Sample> value, double relative, double absolute) {
    }

    static final List<Measure> MEASURES = List.of(
            new Measure("heap used after GC", "MB", Sample::heapMb, 0.10, 2),
            new Measure("metaspace used", "MB", Sample::metaspaceMb, 0.05, 1),
            new Measure("resident memory (VmRSS)", "MB", Sample::rssMb, 0.05, 16),
            new Measure("live Java threads", "threads", Sample::javaThreads, 0, 2),
            new Measure("OS threads (/proc Threads)", "threads", Sample::osThreads, 0, 2));

    private final BenchSetup setup;

    Soak(BenchSetup setup) {
        this.setup = setup;
    }

    /** {@code args} are what follows {@code soak} on the command line. */
    void run(String... args) throws Exception {
        double minutes = 10;
        double every = 5;
        boolean nmt = false;
        boolean trim = false;
        boolean noAgent = false;
        boolean jfrAlone = false;
        String agentOptions = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--every" -> every = Double.parseDouble(args[++i]);
                case "--nmt" -> nmt = true;
                case "--trim" -> trim = true;
                case "--no-agent" -> noAgent = true;
                case "--jfr-alone" -> jfrAlone = true;
                case "--agent-options" -> agentOptions = args[++i];
                default -> throw new IllegalArgumentException("soak: unknown option " + args[i]
                        + " (options: --minutes M, --every SECONDS, --nmt, --trim, --no-agent, --jfr-alone, --agent-options OPTIONS)");
            }
        }
        if (noAgent && jfrAlone || (noAgent || jfrAlone) && agentOptions != null) {
            throw new IllegalArgumentException("soak: choose one of --no-agent, --jfr-alone and --agent-options");
        }
        if (minutes < 2) {
            throw new IllegalArgumentException("soak: --minutes must be at least 2 (a first and a last minute)");
        }
        Path recording = setup.scratch().resolve("soak.jfr");
        List<String> command = new ArrayList<>(List.of(setup.java().toString(), "-Xms" + HEAP, "-Xmx" + HEAP,
                "-XX:+AlwaysPreTouch"));
        if (nmt) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        if (trim) {
            command.add("-XX:TrimNativeHeapInterval=" + TRIM_MILLIS);
        }
        if (jfrAlone) {
            command.addAll(Arm.jfrWithSettings(setup.agentSettings(), recording).jvmOptions());
        } else if (!noAgent) {
            command.addAll((agentOptions == null ? Arm.agent(setup.agentJar(), recording)
                    : Arm.agentWithOptions("agent", setup.agentJar(), recording, agentOptions)).jvmOptions());
        }
        command.addAll(List.of("-cp", setup.benchJar().toString(), SoakLoad.class.getName(),
                "--seconds", String.valueOf(minutes * 60), "--every", String.valueOf(every)));
        System.err.printf(Locale.ROOT, "bench: soak for %.1f min, a sample every %.0f s%n", minutes, every);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Sample> samples = new ArrayList<>();
        long passes = 0;
        boolean baseline = false;
        String nativeDiff = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = SAMPLE.matcher(line);
                if (m.find()) {
                    long[] status = procStatus(process.pid());
                    samples.add(new Sample(Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)) / MB,
                            Long.parseLong(m.group(3)) / MB, Integer.parseInt(m.group(4)), status[0] / 1024.0,
                            status[1], Long.parseLong(m.group(5))));
                    double at = samples.get(samples.size() - 1).seconds();
                    if (nmt && !baseline && at > 60) {
                        jcmd(process.pid(), "VM.native_memory", "baseline");
                        baseline = true;
                    } else if (nmt && nativeDiff == null && at > minutes * 60 - 1.5 * every) {
                        nativeDiff = jcmd(process.pid(), "VM.native_memory", "summary.diff");
                    }
                    if (samples.size() % 12 == 0) {
                        System.err.printf(Locale.ROOT, "bench: soak at %.0f s: %s%n", samples.get(samples.size() - 1)
                                .seconds(), samples.get(samples.size() - 1));
                    }
                } else if (line.startsWith("soak-done passes=")) {
                    passes = Long.parseLong(line.substring("soak-done passes=".length()));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || samples.isEmpty()) {
            throw new IllegalStateException("the soak load failed (exit code " + exit + ", " + samples.size()
                    + " samples)");
        }
        long recordingBytes = Files.isRegularFile(recording) ? Files.size(recording) : -1;
        print(samples, minutes, every, passes, recordingBytes, describe(noAgent, jfrAlone, agentOptions, trim));
        if (nativeDiff != null) {
            printNativeDiff(nativeDiff);
        }
    }

    private static String describe(boolean noAgent, boolean jfrAlone, String agentOptions, boolean trim) {
        String agent = noAgent ? "no agent: the load alone"
                : jfrAlone ? "no agent: the JDK's recording with the agent's settings"
                : agentOptions == null ? "the agent with its defaults" : "the agent with " + agentOptions;
        return trim ? agent + ", native heap trimmed every " + TRIM_MILLIS + " ms" : agent;
    }

    private String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(setup.java().resolveSibling("jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    /**
     * Native memory tracking's committed memory, by category, from the end of the first minute to the last sample: where
     * the JVM's own native memory went. What async-profiler or other native libraries allocate is not in it, so growth
     * in resident memory that is missing here happened outside the JVM's accounting.
     */
    private static void printNativeDiff(String diff) {
        System.out.println("Native memory tracking, committed memory that changed between the end of the first minute"
                + " and the last sample (`jcmd PID VM.native_memory summary.diff`):");
        System.out.println();
        System.out.println("```");
        Pattern changed = Pattern.compile("committed=\\d+KB [+-]\\d+KB");
        diff.lines().filter(l -> changed.matcher(l).find()).map(String::strip).forEach(System.out::println);
        System.out.println("```");
        System.out.println();
    }

    /** VmRSS in kB and Threads, from /proc/PID/status. */
    private static long[] procStatus(long pid) throws IOException {
        long rss = -1;
        long threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D+", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return new long[] {rss, threads};
    }

    private static void print(List<Sample> samples, double minutes, double every, long passes, long recordingBytes,
                              String arm) {
        double end = samples.get(samples.size() - 1).seconds();
        List<Sample> first = samples.stream().filter(s -> s.seconds() <= 60).toList();
        List<Sample> last = samples.stream().filter(s -> s.seconds() > end - 60).toList();
        System.out.printf(Locale.ROOT, "### Soak: %.0f minutes of lock-heavy load (%s)%n%n",
                minutes, arm);
        System.out.printf(Locale.ROOT, "A sample every %.0f s (%d in all); heap fixed at %s and touched up front;"
                + " %,d passes of the load; recording %.1f MB.%n%n", every, samples.size(), HEAP, passes,
                recordingBytes / MB);
        System.out.println("| measure | first minute | last minute | change of medians | whole run | verdict |");
        System.out.println("|---|---|---|---|---|---|");
        List<String> grew = new ArrayList<>();
        for (Measure measure : MEASURES) {
            Stats before = stats(first, measure);
            Stats after = stats(last, measure);
            Stats all = stats(samples, measure);
            double change = after.median() - before.median();
            boolean growth = grows(before.median(), after.median(), measure);
            if (growth) {
                grew.add(measure.name());
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %+.1f %s | %.1f–%.1f | %s |%n", measure.name(),
                    before.format(measure.unit()), after.format(measure.unit()), change, measure.unit(), all.min(),
                    all.max(), growth ? "**grew**" : "flat");
        }
        System.out.println();
        System.out.println(grew.isEmpty() ? "Verdict, first minute to last: no growth."
                : "Verdict, first minute to last: growth in " + String.join(", ", grew) + ".");
        System.out.println();
        printMinutes(samples, end);
    }

    /**
     * The median of each measure minute by minute: what tells a start that settles (the JIT's code, buffers that
     * fill once) from a steady climb. A verdict from the second minute on is given beside the first one.
     */
    private static void printMinutes(List<Sample> samples, double end) {
        int minutes = (int) Math.ceil(end / 60);
        StringBuilder header = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int minute = 1; minute <= minutes; minute++) {
            header.append(' ').append(minute).append(" |");
            rule.append("---|");
        }
        System.out.println("Medians minute by minute:");
        System.out.println();
        System.out.println(header);
        System.out.println(rule);
        List<String> grew = new ArrayList<>();
        for (Measure measure : MEASURES) {
            StringBuilder row = new StringBuilder("| " + measure.name() + " |");
            for (int minute = 1; minute <= minutes; minute++) {
                double from = (minute - 1) * 60.0;
                double to = minute * 60.0;
                List<Sample> in = samples.stream().filter(s -> s.seconds() > from && s.seconds() <= to).toList();
                if (in.isEmpty()) {
                    row.append(" – |");
                    continue;
                }
                double median = stats(in, measure).median();
                row.append(String.format(Locale.ROOT, " %.1f |", median));
            }
            System.out.println(row);
            List<Sample> second = samples.stream().filter(s -> s.seconds() > 60 && s.seconds() <= 120).toList();
            List<Sample> last = samples.stream().filter(s -> s.seconds() > end - 60).toList();
            if (!second.isEmpty() && grows(stats(second, measure).median(), stats(last, measure).median(), measure)) {
                grew.add(measure.name());
            }
        }
        System.out.println();
        System.out.println(grew.isEmpty() ? "Verdict, second minute to last: no growth."
                : "Verdict, second minute to last: growth in " + String.join(", ", grew) + ".");
        System.out.println();
    }

    static boolean grows(double before, double after, Measure measure) {
        double change = after - before;
        return change > measure.absolute() && change > measure.relative() * before;
    }

    private static Stats stats(List<Sample> samples, Measure measure) {
        return Stats.of(samples.stream().map(s -> measure.value().applyAsDouble(s)).toList());
    }
}
