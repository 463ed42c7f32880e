package dev.turnstile.cli;

import dev.turnstile.analyzer.model.Analysis;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run a Java program under the Turnstile agent until it exits, then analyze its recording.",
            "Ctrl-C stops the program; its recording is still written and analyzed.",
            "With --format json, stdout holds only the report; the program's own output goes to stderr.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  turnstile run -- java -jar app.jar",
            "  turnstile run -o recordings --format json -- java -cp app.jar com.example.Main --port 8080",
            "",
            "Exit code: 0 when the recording was analyzed, whatever the program's own exit code (which is",
            "printed); 2 if the program could not start or wrote no recording."
        })
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "1..*",
            description = "The java command line to run, e.g. java -jar app.jar.")
    List<String> command;

    @Mixin
    RecordingOptions recording;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RecordedRun.Result result = RecordedRun.run(command, recording.outputDir, ProgramName.of(command),
                recording.threshold, report.isMachineReadable());
        if (result.exitCode() != 0) {
            spec.commandLine().getErr().println("turnstile: the program exited with code " + result.exitCode());
        }
        Analysis analysis = Reporting.analyze(result.recording());
        Reporting.write(analysis, report.format, spec.commandLine().getOut());
        spec.commandLine().getErr().println("turnstile: recording kept: " + result.recording());
        return ExitCodes.OK;
    }
}
