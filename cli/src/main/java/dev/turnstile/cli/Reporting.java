package dev.turnstile.cli;

import dev.turnstile.analyzer.Analyzer;
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

/** Analyzes a recording and writes its report to the terminal or a file: what every command ends with. */
final class Reporting {
    private Reporting() {
    }

    static Analysis analyze(Path recording) throws RecordingException {
        return new Analyzer().analyze(recording);
    }

    static void write(Analysis analysis, Report.Format format, PrintWriter terminal) {
        try {
            Report.of(format, VersionProvider.version()).write(analysis, terminal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.flush();
    }

    static void writeFile(Analysis analysis, Report.Format format, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Report.of(format, VersionProvider.version()).write(analysis, out);
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + file + " (" + e.getMessage() + ")");
        }
    }
}
