package dev.turnstile.samples;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints what a sample knows about itself as one {@code truth: key=value ...} line. */
final class Truth {
    private final Map<String, String> facts = new LinkedHashMap<>();

    Truth(String sample) {
        facts.put("sample", sample);
    }

    Truth put(String key, Object value) {
        facts.put(key, value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value));
        return this;
    }

    void print() {
        System.out.println("truth: " + facts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }
}
