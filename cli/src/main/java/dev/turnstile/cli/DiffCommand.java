package dev.turnstile.cli;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.gate.Diff;
import dev.turnstile.gate.DiffReport;
import dev.turnstile.gate.GateException;
import dev.turnstile.gate.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compare two runs (recordings or JSON reports): findings that appeared or went away, and per lock and pool"
                + " the key metrics that got better or worse, with their ratio.",
            ""
        })
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "The earlier run: a .jfr recording or a JSON report.")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later run.")
    Path next;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text, md or json (default: ${DEFAULT-VALUE}).")
    DiffReport.Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws GateException, IOException {
        Analyzer analyzer = new Analyzer();
        RunReport before = RunReport.load(base, analyzer, VersionProvider.version());
        RunReport after = RunReport.load(next, analyzer, VersionProvider.version());
        DiffReport.write(Diff.compare(before, after), format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<DiffReport.Format> {
        @Override
        public DiffReport.Format convert(String value) {
            try {
                return DiffReport.Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown format '" + value + "' (choose text, md or json)");
            }
        }
    }
}
