package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.io.Writer;

/** Renders an analysis in one format. */
public interface Report {
    void write(Analysis analysis, Writer out) throws IOException;

    /** The report for a format name as users type it ({@code text}, {@code json}, {@code html}). */
    static Report of(Format format, String toolVersion) {
        return switch (format) {
            case TEXT -> new TextReport(toolVersion);
            case JSON -> new JsonReport(toolVersion);
            case HTML -> new HtmlReport(toolVersion);
        };
    }

    enum Format {
        TEXT, JSON, HTML
    }
}
