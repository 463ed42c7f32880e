package dev.turnstile.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real recording of a sample program run under the real agent on a given JDK, with the truth the sample
 * printed about itself. Recordings are made once per JDK and sample and shared by the tests of a module.
 *
 * @param truth the sample's {@code truth:} line as key/value pairs
 */
public record SampleRecording(Jdk jdk, String sample, Path file, Map<String, String> truth,
                              Command.Outcome outcome) {
    /** Long enough for hundreds of contended acquisitions, short enough for a 2-core CI machine. */
    public static final double SECONDS = 2.0;

    private static final Map<String, SampleRecording> CACHE = new ConcurrentHashMap<>();

    /** Records {@code sample} under the agent on {@code jdk}, or returns the recording made earlier. */
    public static SampleRecording of(Jdk jdk, String sample) {
        return of(jdk, sample, SECONDS);
    }

    /** As {@link #of(Jdk, String)}, for a sample that needs to run longer than usual to show what is tested. */
    public static SampleRecording of(Jdk jdk, String sample, double seconds) {
        return CACHE.computeIfAbsent(jdk.home() + "|" + sample + "|" + seconds, key -> {
            Path file = Artifacts.outputDirectory().resolve(sample + "-jdk" + jdk.feature() + ".jfr");
            return run(jdk, sample, file, List.of("-javaagent:" + Artifacts.agentJar() + "=file=" + file), seconds);
        });
    }

    /**
     * As {@link #of(Jdk, String)}, with more agent options after the file (e.g. {@code profiler.lib=/nonexistent}),
     * for tests of what an option changes.
     */
    public static SampleRecording withAgentOptions(Jdk jdk, String sample, String agentOptions) {
        return CACHE.computeIfAbsent(jdk.home() + "|" + sample + "|" + agentOptions, key -> {
            String tag = agentOptions.replaceAll("[^A-Za-z0-9]+", "-");
            Path file = Artifacts.outputDirectory().resolve(sample + "-" + tag + "-jdk" + jdk.feature() + ".jfr");
            return run(jdk, sample, file, List.of("-javaagent:" + Artifacts.agentJar() + "=file=" + file + ","
                    + agentOptions), SECONDS);
        });
    }

    /**
     * As {@link #of(Jdk, String, double)}, with the sample's own arguments (e.g. {@code --hold-ms 6}), once per
     * {@code tag}: tests that need several runs of one sample give each its own tag.
     */
    public static SampleRecording withArgs(Jdk jdk, String sample, String tag, double seconds, String... sampleArgs) {
        return CACHE.computeIfAbsent(jdk.home() + "|" + sample + "|" + tag + "|" + seconds, key -> {
            Path file = Artifacts.outputDirectory().resolve(sample + "-" + tag + "-jdk" + jdk.feature() + ".jfr");
            return run(jdk, sample, file, List.of("-javaagent:" + Artifacts.agentJar() + "=file=" + file), seconds,
                    sampleArgs);
        });
    }

    /**
     * As {@link #of(Jdk, String)}, with JVM options before the agent's (e.g.
     * {@code -XX:FlightRecorderOptions:stackdepth=2048}), once per {@code tag}.
     */
    public static SampleRecording withJvmOptions(Jdk jdk, String sample, String tag, String... jvmOptions) {
        return CACHE.computeIfAbsent(jdk.home() + "|" + sample + "|jvm|" + tag, key -> {
            Path file = Artifacts.outputDirectory().resolve(sample + "-" + tag + "-jdk" + jdk.feature() + ".jfr");
            List<String> options = new java.util.ArrayList<>(List.of(jvmOptions));
            options.add("-javaagent:" + Artifacts.agentJar() + "=file=" + file);
            return run(jdk, sample, file, options, SECONDS);
        });
    }

    /** Records without the agent, with the JDK's own recording options: a plain JFR file from elsewhere. */
    public static SampleRecording plainJfr(Jdk jdk, String sample) {
        return CACHE.computeIfAbsent(jdk.home() + "|plain|" + sample, key -> {
            Path file = Artifacts.outputDirectory().resolve(sample + "-plain-jdk" + jdk.feature() + ".jfr");
            return run(jdk, sample, file, List.of("-XX:StartFlightRecording:filename=" + file + ",settings=profile"),
                    SECONDS);
        });
    }

    private static SampleRecording run(Jdk jdk, String sample, Path file, List<String> recordingOptions,
                                       double seconds, String... sampleArgs) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> command = new java.util.ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(recordingOptions);
        command.addAll(List.of("-cp", Artifacts.samplesJar().toString(), "dev.turnstile.samples.SampleMain", sample,
                "--seconds", String.valueOf(seconds)));
        command.addAll(List.of(sampleArgs));
        Command.Outcome outcome = new Command(command).timeout(Duration.ofSeconds(90)).run();
        if (outcome.exitCode() != 0 || !Files.isRegularFile(file)) {
            throw new AssertionError("sample run did not produce " + file + "\n" + outcome.describe());
        }
        return new SampleRecording(jdk, sample, file, parseTruth(outcome.stdout()), outcome);
    }

    static Map<String, String> parseTruth(String stdout) {
        Map<String, String> truth = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("truth: ")) {
                for (String pair : line.substring("truth: ".length()).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        truth.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
        }
        return truth;
    }

    public double truthDouble(String key) {
        String value = truth.get(key);
        if (value == null) {
            throw new AssertionError(sample + " printed no truth '" + key + "': " + truth);
        }
        return Double.parseDouble(value);
    }
}
