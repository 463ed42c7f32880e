package dev.turnstile.cli;

import dev.turnstile.samples.Sample;
import dev.turnstile.samples.SampleMain;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run a built-in sample program under the agent and show what Turnstile finds.",
            "Each sample shows one phenomenon whose true numbers are known; it prints them as its 'truth:' line.",
            ""
        })
final class DemoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SAMPLE", arity = "0..1", defaultValue = "gil",
            completionCandidates = SampleIds.class,
            description = "The sample to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String sample;

    @Option(names = "--list", description = "List the samples and what each one shows.")
    boolean list;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "How long the sample runs (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Mixin
    RecordingOptions recording;

    @Mixin
    ReportOptions report;

    @Mixin
    ColorOption color;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            for (Sample s : Sample.values()) {
                out.printf(Locale.ROOT, "  %-10s %s%n", s.id(), s.description());
            }
            return ExitCodes.OK;
        }
        Sample chosen = Sample.byId(sample).orElseThrow(() -> new UserError("no sample named '" + sample
                + "' (choose one of " + String.join(", ", Sample.ids()) + ")"));
        if (!(seconds > 0 && seconds <= 3600)) {
            throw new UserError("--seconds must be between 0 and 3600, not " + seconds);
        }
        recording.agentOptions(); // a mistake in them is a usage error before anything runs
        err.printf(Locale.ROOT, "turnstile: running the %s sample for %s s under the agent: %s%n", chosen.id(),
                seconds, chosen.description());
        List<String> command = List.of(javaOfThisProcess(), "-cp", System.getProperty("java.class.path"),
                SampleMain.class.getName(), chosen.id(), "--seconds", String.valueOf(seconds));
        return Reporting.runAndReport(command, "demo-" + chosen.id(), recording, report, color, spec);
    }

    /** The sample runs on the same Java as turnstile, so choosing a JDK for turnstile chooses it for the demo. */
    private static String javaOfThisProcess() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static final class SampleIds extends java.util.ArrayList<String> {
        SampleIds() {
            super(Sample.ids());
        }
    }
}
