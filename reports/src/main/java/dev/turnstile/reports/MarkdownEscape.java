package dev.turnstile.reports;

/**
 * Puts strings from a recording (thread, class and pool names, stack frames, command lines) and the analyzer's prose
 * into Markdown so that they read as the text they are, wherever the Markdown is rendered (GitHub's pull-request
 * comments and job summaries included): no HTML, no links, no emphasis, no math, no broken tables.
 */
final class MarkdownEscape {
    /** The longest name shown: a thread may be named with a megabyte of text, and a comment has limits. */
    static final int MAX_NAME = 300;
    /** The longest sentence or paragraph shown (titles, advice, notes). */
    static final int MAX_PROSE = 2000;

    private MarkdownEscape() {
    }

    /**
     * A name as a code span: Markdown and HTML mean nothing inside one, and GitHub links neither mentions nor URLs in
     * it. The fence is one backtick longer than the longest run inside, as CommonMark allows.
     */
    static String code(String name) {
        if (name == null) {
            return "?";
        }
        String content = shorten(name.replaceAll("[\\r\\n\\t]+", " "), MAX_NAME);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        // A space on both sides keeps a backtick at either end from joining the fence; CommonMark strips one each.
        boolean pad = content.isEmpty() || content.startsWith("`") || content.endsWith("`")
                || content.isBlank();
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    /** A name as a code span in a table cell: a pipe would end the cell, and GitHub reads {@code \|} as one. */
    static String codeCell(String name) {
        return code(name).replace("|", "\\|");
    }

    /**
     * Prose that may quote names from the recording: every character that could start Markdown or HTML is escaped
     * (backslash escapes, and entities for {@code < > & |}, so the text also stays whole in a table cell).
     */
    static String text(String prose) {
        if (prose == null) {
            return "";
        }
        String flat = shorten(prose.replaceAll("\\s+", " ").trim(), MAX_PROSE);
        StringBuilder out = new StringBuilder(flat.length() + 16);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|' -> out.append("&#124;");
                // Parentheses and '!' mean something only after a ']', which is escaped; '$' starts math on GitHub.
                case '\\', '`', '*', '_', '[', ']', '#', '~', '$', '@' ->
                        out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text inside an HTML element the report writes itself ({@code <summary>}): entities only. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + Units.count(s.length()) + " characters)";
    }
}
