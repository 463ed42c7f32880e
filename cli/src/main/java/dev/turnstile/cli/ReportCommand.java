package dev.turnstile.cli;

import dev.turnstile.analyzer.model.Analysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Analyzes a recording and renders its report; {@code analyze} is the same command by its older name. */
@Command(name = "report",
        aliases = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Analyze a recording and write its report: one made by turnstile, or any JFR file (analyzed with what it",
            "holds). 'turnstile analyze' is the same command.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  turnstile report recording.jfr",
            "  turnstile report recording.jfr --format md -o summary.md      # a pull-request comment or CI summary",
            "  turnstile report recording.jfr --format json -o report.json   # schema: docs/reports.md",
            "",
            "Exit code: 0 when the report was written; 2 if the recording cannot be read or the report not written."
        })
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RECORDING", description = "The .jfr file to analyze.")
    Path recording;

    @Mixin
    ReportOptions report;

    @Mixin
    ColorOption color;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of the terminal (never coloured).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (output != null) {
            checkWritable(output);
        }
        Analysis analysis = Reporting.analyze(recording);
        if (output != null) {
            Reporting.writeFile(analysis, report.format, output);
            spec.commandLine().getErr().println("turnstile: report written to " + output.toAbsolutePath());
        } else {
            Reporting.write(analysis, report.format, color.forStdout(), spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    /** Before the analysis, which can take a while on a large recording: a report with nowhere to go is a usage error. */
    private static void checkWritable(Path output) {
        if (Files.isDirectory(output)) {
            throw new UserError("cannot write the report to " + output + ": it is a directory");
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write the report to " + output + ": no such directory " + parent);
        }
        if (parent != null && !Files.isWritable(parent) && !Files.isWritable(output)) {
            throw new UserError("cannot write the report to " + output + ": permission denied");
        }
    }
}
