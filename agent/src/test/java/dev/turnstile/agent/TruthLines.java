package dev.turnstile.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code truth: key=value ...} lines a program printed, one map per line, in order. */
final class TruthLines {
    private TruthLines() {
    }

    static List<Map<String, String>> parse(String stdout) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("truth: ")) {
                Map<String, String> truth = new LinkedHashMap<>();
                for (String pair : line.substring("truth: ".length()).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        truth.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                lines.add(truth);
            }
        }
        return lines;
    }

    /** The one truth line whose {@code key} is {@code value} (e.g. sample=pool). */
    static Map<String, String> find(String stdout, String key, String value) {
        return parse(stdout).stream().filter(t -> value.equals(t.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no truth line with " + key + "=" + value + " in:\n" + stdout));
    }

    /** Where this module's test classes (and so the programs the tests start) are. */
    static String testClasses() {
        try {
            return java.nio.file.Path.of(TruthLines.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
