package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.reports.html.HtmlModel;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.Writer;

/**
 * One self-contained HTML file: styles, scripts, charts (SVG) and flame graphs are inline, nothing is loaded from
 * elsewhere. The templates (src/main/jte) are compiled with the build and escape every value by default.
 */
final class HtmlReport implements Report {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), "dev.turnstile.reports.html.templates");

    private final String toolVersion;

    HtmlReport(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(Analysis analysis, Writer out) throws IOException {
        try {
            TEMPLATES.render("report.jte", HtmlModel.of(analysis, toolVersion), new WriterOutput(out));
        } catch (TemplateException e) {
            throw new IOException("could not render the HTML report: " + e.getMessage(), e);
        }
        out.flush();
    }
}
