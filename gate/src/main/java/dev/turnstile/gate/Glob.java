package dev.turnstile.gate;

import java.util.regex.Pattern;

/**
 * A name pattern in a rules file: {@code *} stands for any run of characters, {@code ?} for one, everything else for
 * itself ({@code $} and {@code .} in class names included), and the whole name must match.
 */
record Glob(String written, Pattern pattern) {

    static Glob of(String written) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : written.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new Glob(written, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    boolean matches(String name) {
        return name != null && pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return written;
    }
}
