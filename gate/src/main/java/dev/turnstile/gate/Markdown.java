package dev.turnstile.gate;

/**
 * Text from a recording (class, thread and pool names) made safe for Markdown: it renders as itself, cannot start
 * markup, break a table cell, or inject HTML.
 */
public final class Markdown {
    /** Characters that start or end inline markup or a table cell anywhere in a line; nothing here starts a line. */
    private static final String SPECIAL = "\\`*_[]|~";

    private Markdown() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r', '\n', '\t' -> out.append(' ');
                default -> {
                    if (SPECIAL.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
