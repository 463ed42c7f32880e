package dev.turnstile.cli;

import dev.turnstile.reports.Report;
import picocli.CommandLine.Option;

/** How a command presents its analysis; shared by every command that ends in a report. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Names.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Report.Format format;

    /** A report meant for a file or a program (JSON, Markdown...) owns stdout: nothing else may be written there. */
    boolean isMachineReadable() {
        return format != Report.Format.TEXT;
    }

    /** Accepts format names in any case: text, json, md (or markdown), and any format the reports module adds. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Report.Format> {
        @Override
        public Report.Format convert(String value) {
            return Report.Format.named(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "unknown format '" + value + "' (choose " + choices() + ")"));
        }

        /** {@code text, json or md} */
        static String choices() {
            java.util.List<String> names = Report.Format.userNames();
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        }

        static final class Names extends java.util.ArrayList<String> {
            Names() {
                super(Report.Format.userNames());
            }
        }
    }
}
