package dev.turnstile.reports;

import dev.turnstile.analyzer.model.Severity;

/**
 * ANSI colours for the terminal report, or none: the caller decides (a terminal, no NO_COLOR, not a file). Only what
 * helps the eye find things: severities, headings, advice; legends dimmed.
 */
final class Ansi {
    static final Ansi OFF = new Ansi(false);
    static final Ansi ON = new Ansi(true);

    private static final String RESET = "\u001b[0m";

    private final boolean on;

    private Ansi(boolean on) {
        this.on = on;
    }

    String bold(String s) {
        return paint("1", s);
    }

    String dim(String s) {
        return paint("2", s);
    }

    String green(String s) {
        return paint("32", s);
    }

    String severity(Severity severity, String s) {
        return switch (severity) {
            case CRITICAL -> paint("1;31", s);
            case WARNING -> paint("1;33", s);
            case INFO -> paint("1;36", s);
        };
    }

    private String paint(String code, String s) {
        return on && !s.isEmpty() ? "\u001b[" + code + "m" + s + RESET : s;
    }

    /** The columns a line takes on a terminal: its length without the escape sequences. */
    static int visibleLength(CharSequence line) {
        int length = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\u001b' && i + 1 < line.length() && line.charAt(i + 1) == '[') {
                i += 2;
                while (i < line.length() && line.charAt(i) != 'm') {
                    i++;
                }
            } else {
                length++;
            }
        }
        return length;
    }
}
