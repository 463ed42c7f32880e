package dev.turnstile.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Where recordings go and how much they hold; shared by every command that records. */
final class RecordingOptions {
    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "Where to keep the recording (default: the current directory).")
    Path outputDir;

    @Option(names = "--threshold", paramLabel = "DURATION",
            description = "Shortest wait recorded with its stack, e.g. 20us, 1ms (default: 100us).")
    String threshold;

    @Option(names = "--profiler", paramLabel = "MODES",
            description = "What async-profiler samples: any of wall, cpu, ctxsw separated by commas, or off"
                    + " (default: wall,cpu). cpu and ctxsw cannot both be on.")
    String profiler;

    @Option(names = "--wall", paramLabel = "DURATION",
            description = "Wall-clock sampling interval per thread (default: 20ms).")
    String wall;

    @Option(names = "--cpu", paramLabel = "DURATION",
            description = "CPU sampling interval, in CPU time per thread (default: 10ms).")
    String cpu;

    @Option(names = "--sleep-stacks", paramLabel = "on|off",
            description = "Record each Thread.sleep with its stack (default: on). off saves the JDK a few"
                    + " microseconds per sleep: worth it when virtual threads sleep hundreds of thousands of times a"
                    + " second.")
    String sleepStacks;

    private static final List<String> MODES = List.of("wall", "cpu", "ctxsw");
    private static final String DURATION = "\\d+(ns|us|ms|s)";

    /** The agent options these stand for, each starting with a comma; checked here so a mistake is a usage error. */
    String agentOptions() {
        StringBuilder options = new StringBuilder();
        if (threshold != null) {
            options.append(",threshold=").append(duration("--threshold", threshold, true));
        }
        if (profiler != null) {
            options.append(",profiler=").append(modes(profiler));
        }
        if (wall != null) {
            options.append(",wall=").append(duration("--wall", wall, false));
        }
        if (cpu != null) {
            options.append(",cpu=").append(duration("--cpu", cpu, false));
        }
        if (sleepStacks != null) {
            options.append(",sleepstacks=").append(onOrOff("--sleep-stacks", sleepStacks));
        }
        return options.toString();
    }

    private static String modes(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return value;
        }
        List<String> modes = Arrays.stream(value.split("[,+]")).map(String::trim).toList();
        for (String mode : modes) {
            if (!MODES.contains(mode)) {
                throw new UserError("--profiler: '" + mode + "' is not a mode (wall, cpu, ctxsw, or off)");
            }
        }
        if (modes.contains("cpu") && modes.contains("ctxsw")) {
            throw new UserError("--profiler: cpu and ctxsw share one sampling engine; choose one of them");
        }
        return String.join("+", modes);
    }

    private static String onOrOff(String option, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("on") && !value.equals("off")) {
            throw new UserError(option + ": '" + text + "' is neither on nor off");
        }
        return value;
    }

    private static String duration(String option, String text, boolean zeroAllowed) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (zeroAllowed && value.equals("0")) {
            return value;
        }
        if (!value.matches(DURATION) || value.matches("0+[a-z]+")) {
            throw new UserError(option + ": '" + text + "' is not a duration (examples: 500us, 20ms, 1s)");
        }
        return value;
    }
}
