package dev.turnstile.cli;

import dev.turnstile.reports.Report;
import picocli.CommandLine.Option;

/** How a command presents its analysis; shared by every command that ends in a report. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Names.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Report.Format format;

    /** A machine-readable report owns stdout: nothing else may be written there. */
    boolean isMachineReadable() {
        return format == Report.Format.JSON || format == Report.Format.HTML;
    }

    /** Accepts format names in any case: text, json, html. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Report.Format> {
        @Override
        public Report.Format convert(String value) {
            try {
                return Report.Format.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown format '" + value
                        + "' (choose text, json or html)");
            }
        }

        static final class Names extends java.util.ArrayList<String> {
            Names() {
                super(java.util.List.of("text", "json", "html"));
            }
        }
    }
}
