package dev.turnstile.gate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders a {@link Diff.Result}: worse first, then better, then new and gone subjects, then the unchanged count. */
public final class DiffReport {
    public enum Format {
        TEXT, MD, JSON
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final List<Diff.Change> ORDER = List.of(Diff.Change.WORSE, Diff.Change.BETTER, Diff.Change.NEW,
            Diff.Change.GONE);

    private DiffReport() {
    }

    public static void write(Diff.Result diff, Format format, PrintWriter out) throws IOException {
        switch (format) {
            case TEXT -> text(diff, out);
            case MD -> markdown(diff, out);
            case JSON -> {
                JSON.writeValue(out, json(diff));
                out.println();
            }
        }
        out.flush();
    }

    private static void text(Diff.Result diff, PrintWriter out) {
        out.println("turnstile diff: " + GateText.oneLine(diff.base()) + " -> " + GateText.oneLine(diff.next()));
        out.println();
        out.println(diff.findings().isEmpty() ? "Findings: the same" : "Findings:");
        for (Diff.FindingChange f : diff.findings()) {
            out.println("  " + (f.change() == Diff.Change.NEW ? "new " : "gone") + "  " + f.id() + "  "
                    + GateText.oneLine(f.title()));
        }
        out.println();
        for (Diff.Change change : ORDER) {
            List<Diff.MetricChange> rows = rows(diff, change);
            if (rows.isEmpty()) {
                continue;
            }
            out.println(heading(change) + ":");
            for (Diff.MetricChange m : rows) {
                out.println("  " + GateText.oneLine(m.subject()) + "  " + m.metric() + "  " + value(m.baseText())
                        + " -> " + value(m.nextText()) + ratio(m));
            }
            out.println();
        }
        out.println(rows(diff, Diff.Change.SAME).size() + " metrics within " + Units.percent(Diff.SAME)
                + " of the base run (not listed).");
    }

    private static void markdown(Diff.Result diff, PrintWriter out) {
        out.println("## Turnstile diff");
        out.println();
        out.println(Markdown.escape(diff.base()) + " → " + Markdown.escape(diff.next()));
        out.println();
        if (diff.findings().isEmpty()) {
            out.println("Findings: the same in both runs.");
        } else {
            out.println("| finding | change | title |");
            out.println("|---|---|---|");
            for (Diff.FindingChange f : diff.findings()) {
                out.println("| " + Markdown.escape(f.id()) + " | " + (f.change() == Diff.Change.NEW ? "**new**" : "gone")
                        + " | " + Markdown.escape(f.title()) + " |");
            }
        }
        out.println();
        out.println("| change | subject | metric | base | new | ratio |");
        out.println("|---|---|---|---|---|---|");
        for (Diff.Change change : ORDER) {
            for (Diff.MetricChange m : rows(diff, change)) {
                out.println("| " + (change == Diff.Change.WORSE ? "**worse**" : label(change)) + " | "
                        + Markdown.escape(m.subject()) + " | " + Markdown.escape(m.metric()) + " | "
                        + Markdown.escape(value(m.baseText())) + " | " + Markdown.escape(value(m.nextText())) + " | "
                        + (m.ratio() == null ? "" : ratioText(m.ratio())) + " |");
            }
        }
        out.println();
        out.println(rows(diff, Diff.Change.SAME).size() + " metrics within " + Units.percent(Diff.SAME)
                + " of the base run (not listed).");
    }

    private static ObjectNode json(Diff.Result diff) {
        ObjectNode root = JSON.createObjectNode();
        root.put("base", diff.base());
        root.put("new", diff.next());
        ArrayNode findings = root.putArray("findings");
        for (Diff.FindingChange f : diff.findings()) {
            findings.addObject().put("id", f.id()).put("subject", f.subject()).put("title", f.title())
                    .put("change", label(f.change()));
        }
        ArrayNode metrics = root.putArray("metrics");
        for (Diff.MetricChange m : diff.metrics()) {
            ObjectNode node = metrics.addObject();
            node.put("subject", m.subject());
            node.put("metric", m.metric());
            node.put("base", m.base());
            node.put("new", m.next());
            node.put("ratio", m.ratio());
            node.put("change", label(m.change()));
        }
        return root;
    }

    private static List<Diff.MetricChange> rows(Diff.Result diff, Diff.Change change) {
        return diff.metrics().stream().filter(m -> m.change() == change).toList();
    }

    private static String heading(Diff.Change change) {
        return switch (change) {
            case WORSE -> "Worse";
            case BETTER -> "Better";
            case NEW -> "Only in the new run";
            case GONE -> "Only in the base run";
            case SAME -> "Unchanged";
        };
    }

    private static String label(Diff.Change change) {
        return change.name().toLowerCase(Locale.ROOT);
    }

    private static String value(String text) {
        return text == null ? "-" : text;
    }

    private static String ratio(Diff.MetricChange m) {
        return m.ratio() == null ? "" : "  (" + ratioText(m.ratio()) + ")";
    }

    private static String ratioText(double ratio) {
        return String.format(Locale.ROOT, "x%.2f", ratio);
    }
}
