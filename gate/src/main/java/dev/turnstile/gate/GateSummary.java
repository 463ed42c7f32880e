package dev.turnstile.gate;

import java.io.PrintWriter;

/**
 * The gate's verdict in Markdown, for a pull request comment or a CI job summary: a headline, a table with a row per
 * check (failures first), and the runs judged. Every string from a recording is escaped.
 */
public final class GateSummary {
    private GateSummary() {
    }

    public static void write(GateResult result, PrintWriter out) {
        out.println("## Turnstile gate: " + (result.passed() ? "passed" : "FAILED"));
        out.println();
        out.println(Markdown.escape(GateText.verdict(result)));
        out.println();
        out.println("| result | rule | subject | measured | limit | baseline | p |");
        out.println("|---|---|---|---|---|---|---|");
        for (Check.Status status : new Check.Status[] {Check.Status.FAILED, Check.Status.SKIPPED,
                Check.Status.PASSED}) {
            for (Check check : result.checks()) {
                if (check.status() == status) {
                    out.println("| " + label(status) + " | " + cell(check.rule()) + " | " + cell(check.subject())
                            + " | " + cell(check.measured()) + " | " + cell(check.limit()) + " | "
                            + cell(check.baseline()) + " | " + (check.pValue() == null ? "" : Gate.pText(check.pValue()))
                            + " |");
                }
            }
        }
        if (!result.passed()) {
            out.println();
            out.println("### What failed");
            out.println();
            for (Check check : result.failures()) {
                out.println("- " + Markdown.escape(check.message()));
            }
        }
        out.println();
        out.println("Runs: " + list(result.runs()) + (result.baseline().isEmpty() ? ""
                : "; baseline: " + list(result.baseline())));
        out.flush();
    }

    private static String label(Check.Status status) {
        return switch (status) {
            case FAILED -> "**failed**";
            case SKIPPED -> "skipped";
            case PASSED -> "passed";
        };
    }

    private static String cell(String text) {
        return text == null ? "" : Markdown.escape(text);
    }

    private static String list(java.util.List<String> files) {
        return String.join(", ", files.stream().map(Markdown::escape).toList());
    }
}
