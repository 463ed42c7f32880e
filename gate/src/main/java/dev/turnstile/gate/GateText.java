package dev.turnstile.gate;

import java.io.PrintWriter;

/** The gate's verdict for a terminal or a CI log: one line per check, failures first, then the count. */
public final class GateText {
    private GateText() {
    }

    public static void write(GateResult result, PrintWriter out) {
        for (Check.Status status : new Check.Status[] {Check.Status.FAILED, Check.Status.SKIPPED,
                Check.Status.PASSED}) {
            for (Check check : result.checks()) {
                if (check.status() == status) {
                    out.println(label(status) + "  " + oneLine(check.message()));
                }
            }
        }
        out.println(verdict(result));
        out.flush();
    }

    /** "gate passed: 5 checks (1 skipped) on 3 runs" or "gate FAILED: 2 of 5 checks failed on 3 runs". */
    public static String verdict(GateResult result) {
        long failed = result.count(Check.Status.FAILED);
        long skipped = result.count(Check.Status.SKIPPED);
        String runs = result.runs().size() + (result.runs().size() == 1 ? " run" : " runs")
                + (result.baseline().isEmpty() ? "" : " against " + result.baseline().size() + " baseline run"
                + (result.baseline().size() == 1 ? "" : "s"));
        String skips = skipped == 0 ? "" : " (" + skipped + " skipped)";
        if (failed == 0) {
            return "gate passed: " + result.checks().size() + " checks" + skips + " on " + runs;
        }
        return "gate FAILED: " + failed + " of " + result.checks().size() + " checks failed" + skips + " on " + runs;
    }

    private static String label(Check.Status status) {
        return switch (status) {
            case FAILED -> "FAIL";
            case SKIPPED -> "SKIP";
            case PASSED -> "pass";
        };
    }

    /** Names from a recording may hold line breaks; a log line must stay one line. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
