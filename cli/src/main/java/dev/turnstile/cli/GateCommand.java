package dev.turnstile.cli;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.gate.Gate;
import dev.turnstile.gate.GateException;
import dev.turnstile.gate.GateResult;
import dev.turnstile.gate.GateRules;
import dev.turnstile.gate.GateSummary;
import dev.turnstile.gate.GateText;
import dev.turnstile.gate.JUnitXml;
import dev.turnstile.gate.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "gate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Judge one or more runs (recordings or JSON reports) against rules: forbidden findings, limits on any"
                + " metric of the JSON report, and limits relative to baseline runs (see docs/gate.md).",
            ""
        },
        footer = {
            "",
            "Exit codes: 0 every rule passed, 1 a rule failed, 2 bad usage or input (rules, files)."
        })
final class GateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Runs of one scenario: .jfr recordings or reports written by --format json.")
    List<Path> runs;

    @Option(names = "--rules", paramLabel = "RULES.yaml", required = true, description = "The rules file.")
    Path rules;

    @Option(names = "--baseline", paramLabel = "BASE", arity = "1..*",
            description = "Earlier runs of the same scenario, for limits relative to a baseline (maxIncrease).")
    List<Path> baseline = new ArrayList<>();

    @Option(names = "--junit-xml", paramLabel = "OUT", description = "Also write the verdict as JUnit XML.")
    Path junitXml;

    @Option(names = "--summary", paramLabel = "OUT.md", description = "Also write the verdict as Markdown.")
    Path summary;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws GateException {
        // The rules first: a mistake there is found before minutes of analysis.
        GateRules parsed = GateRules.read(rules);
        Analyzer analyzer = new Analyzer();
        List<RunReport> judged = load(runs, analyzer);
        List<RunReport> base = load(baseline, analyzer);
        if (base.isEmpty() && parsed.hasRelativeLimits()) {
            spec.commandLine().getErr().println("turnstile: no --baseline given: limits with maxIncrease are skipped");
        }
        GateResult result = new Gate(parsed).evaluate(judged, base);
        if (junitXml != null) {
            writeFile(junitXml, out -> JUnitXml.write(result, out));
        }
        if (summary != null) {
            writeFile(summary, out -> GateSummary.write(result, new PrintWriter(out)));
        }
        GateText.write(result, spec.commandLine().getOut());
        return result.passed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }

    private static List<RunReport> load(List<Path> files, Analyzer analyzer) throws GateException {
        List<RunReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(RunReport.load(file, analyzer, VersionProvider.version()));
        }
        return reports;
    }

    private interface Output {
        void write(Writer out) throws IOException;
    }

    private static void writeFile(Path file, Output output) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            output.write(out);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + " (" + e.getMessage() + ")");
        }
    }
}
