package dev.turnstile.cli;

import dev.turnstile.analyzer.model.Analysis;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Analyze a recording: one made by turnstile, or any JFR file (analyzed with what it holds).",
            ""
        })
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RECORDING", description = "The .jfr file to analyze.")
    Path recording;

    @Mixin
    ReportOptions report;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of the terminal.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Analysis analysis = Reporting.analyze(recording);
        if (output != null) {
            Reporting.writeFile(analysis, report.format, output);
            spec.commandLine().getErr().println("turnstile: report written to " + output.toAbsolutePath());
        } else {
            Reporting.write(analysis, report.format, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
