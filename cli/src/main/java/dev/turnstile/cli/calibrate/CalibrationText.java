package dev.turnstile.cli.calibrate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table calibrate prints for people. */
public final class CalibrationText {
    private static final String[] HEADER = {"OPERATION", "MEDIAN", "RANGE", "REPS", "OPS/REP", "NOTES"};

    private CalibrationText() {
    }

    public static void write(CalibrationRun run, PrintWriter out) {
        out.println("Calibration of this machine: " + run.machine());
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Measurement m : run.measurements()) {
            rows.add(row(m));
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            // the operation left-aligned, the figures right-aligned, the notes as they come
            line.append(String.format(Locale.ROOT, "%-" + widths[0] + "s", row[0]));
            for (int i = 1; i < row.length - 1; i++) {
                line.append("  ").append(String.format(Locale.ROOT, "%" + widths[i] + "s", row[i]));
            }
            line.append("  ").append(row[row.length - 1]);
            out.println(line.toString().stripTrailing());
        }
        out.println();
        out.println("MEDIAN: the median of REPS repetitions, each timing OPS/REP operations in a row;"
                + " RANGE: fastest to slowest repetition.");
        Measurement switchCost = run.of(CalibrationRun.SWITCH_COST);
        out.println("The analyzer charges each context switch the one-CPU handoff: "
                + (switchCost.isMeasured() ? Nanos.format(switchCost.savedNanos())
                : Nanos.format(switchCost.probe().cost.defaultNanos()) + " (the default)") + ".");
        out.flush();
    }

    private static String[] row(Measurement m) {
        if (!m.isMeasured()) {
            return new String[] {m.probe().label, "-", "", "", "", m.missing() + " (the analyzer keeps the default, "
                    + Nanos.format(m.probe().cost.defaultNanos()) + ")"};
        }
        Nanos.Unit unit = Nanos.unitFor(m.medianNanos());
        return new String[] {
            m.probe().label,
            unit.format(m.medianNanos()) + " " + unit.name(),
            unit.format(m.minNanos()) + "-" + unit.format(m.maxNanos()) + " " + unit.name(),
            Integer.toString(m.repetitions()),
            String.format(Locale.ROOT, "%,d", m.batch()),
            m.note() == null ? "" : m.note()
        };
    }
}
