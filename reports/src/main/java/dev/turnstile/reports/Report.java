package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders an analysis in one format. */
public interface Report {
    void write(Analysis analysis, Writer out) throws IOException;

    /** The report in {@code format}, without colours. */
    static Report of(Format format, String toolVersion) {
        return of(format, toolVersion, false);
    }

    /** The report in {@code format}; {@code color} adds ANSI colours to the text report (the others have none). */
    static Report of(Format format, String toolVersion, boolean color) {
        return switch (format) {
            case TEXT -> new TextReport(toolVersion, color);
            case JSON -> new JsonReport(toolVersion);
            case MARKDOWN -> new MarkdownReport(toolVersion);
            case HTML -> new HtmlReport(toolVersion);
        };
    }

    enum Format {
        TEXT, JSON, HTML, MARKDOWN;

        /** The name users type: the constant's in lower case, and {@code md} for Markdown. */
        public String userName() {
            return this == MARKDOWN ? "md" : name().toLowerCase(Locale.ROOT);
        }

        /** The format a user named, in any case; {@code markdown} is accepted beside {@code md}. */
        public static Optional<Format> named(String name) {
            String wanted = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(f -> f.userName().equals(wanted) || f.name().toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst();
        }

        public static List<String> userNames() {
            return Arrays.stream(values()).map(Format::userName).toList();
        }
    }
}
