package dev.turnstile.cli;

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
            "If the program is killed, or its recording cannot be written as it exits (the output directory",
            "became read-only or full), what JFR had written to its disk repository is recovered and analyzed.",
            "",
            "Exit code: 0 when the recording was analyzed and is in the output directory (also one recovered",
            "after the program was killed), whatever the program's own exit code (which is printed); 2 if the",
            "program could not start, nothing was recorded, or the recording could only be kept elsewhere (the",
            "last line on stderr says where)."
        })
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "1..*",
            description = "The java command line to run, e.g. java -jar app.jar.")
    List<String> command;

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
        return Reporting.runAndReport(command, ProgramName.of(command), recording, report, color, spec);
    }
}
