package dev.turnstile.cli;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.ProgressListener;
import dev.turnstile.analyzer.RecordingException;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.reports.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Analyzes a recording and writes its report to the terminal or a file: what every command ends with. */
final class Reporting {
    private Reporting() {
    }

    /**
     * What run and demo share: run the command under the agent, analyze its recording, write the report,
     * and say where the recording is kept.
     */
    static int runAndReport(List<String> command, String name, RecordingOptions recording, ReportOptions report,
                            ColorOption color, CommandSpec spec) throws RecordingException {
        PrintWriter err = spec.commandLine().getErr();
        String agentOptions = recording.agentOptions();
        RecordedRun.Result result = RecordedRun.run(command, recording.outputDir, name, agentOptions,
                report.isMachineReadable());
        try (JfrRepository repository = result.repository()) {
            if (result.exitCode() != 0) {
                err.println("turnstile: the program exited with code " + result.exitCode());
            }
            RunRecovery.Outcome outcome = RunRecovery.collect(result, err);
            write(outcome.analysis(), report.format, color.forStdout(), spec.commandLine().getOut());
            keep(outcome.analysis(), outcome.recording(), err);
            if (outcome.notWhereAsked() != null) {
                // Last, where it is seen: a script that expects the recording in the output directory must not pass.
                err.println("turnstile: the recording is not in the output directory (" + outcome.notWhereAsked()
                        + "); it is kept at " + outcome.recording());
                return ExitCodes.USAGE_OR_INPUT;
            }
            return ExitCodes.OK;
        }
    }

    /** What every recording command ends with: where the recording and its HTML report are. */
    static void keep(Analysis analysis, Path recording, PrintWriter err) {
        err.println("turnstile: recording kept: " + recording);
        Path html = htmlNextTo(recording);
        try {
            writeFile(analysis, Report.Format.HTML, html);
            err.println("turnstile: HTML report: " + html);
        } catch (UserError e) {
            // The report above is what was asked for; a missing HTML copy of it is worth a line, not a failure.
            err.println("turnstile: " + e.getMessage());
        }
        err.println("turnstile: report it again with: turnstile report " + recording);
    }

    /** {@code app.jfr} → {@code app.html}, in the same directory. */
    static Path htmlNextTo(Path recording) {
        String name = recording.getFileName().toString();
        String base = name.endsWith(".jfr") ? name.substring(0, name.length() - 4) : name;
        return recording.resolveSibling(base + ".html");
    }

    /** With a progress bar on stderr for a large recording, when stderr is a terminal. */
    static Analysis analyze(Path recording) throws RecordingException {
        ProgressListener progress = ProgressDisplay.forFile(size(recording));
        try {
            return new Analyzer().analyze(recording, progress);
        } finally {
            if (progress instanceof ProgressDisplay display) {
                display.close();
            }
        }
    }

    /** 0 when the size cannot be read: the analyzer then says what is wrong with the file. */
    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** To stdout; {@code color} only matters for the text report. */
    static void write(Analysis analysis, Report.Format format, boolean color, PrintWriter terminal) {
        try {
            Report.of(format, VersionProvider.version(), color).write(analysis, terminal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.flush();
    }

    /** To a file, never coloured: escape sequences are for terminals. */
    static void writeFile(Analysis analysis, Report.Format format, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Report.of(format, VersionProvider.version()).write(analysis, out);
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + file + " (" + e.getMessage() + ")");
        }
    }
}
