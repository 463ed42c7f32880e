package dev.turnstile.analyzer.model;

import java.util.Map;

/**
 * What the threads holding a lock were doing while others waited for it, from wall-clock samples of the holders
 * taken inside those waits (see docs/json-report.md for how the holder and the window are found).
 *
 * @param samples holder samples that fell inside the waits
 * @param shares  share of those samples per state ({@code running}, {@code sleeping}, {@code parked},
 *                {@code blocked}, {@code waiting}, {@code io}, {@code safepoint}, {@code offCpu}), largest first,
 *                states never seen left out; the shares add up to 1
 */
public record HolderStates(long samples, Map<String, Double> shares) {
    public static final String RUNNING = "running";

    public HolderStates {
        java.util.Map<String, Double> ordered = new java.util.LinkedHashMap<>();
        shares.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        shares = java.util.Collections.unmodifiableMap(ordered);
    }

    public double share(String state) {
        return shares.getOrDefault(state, 0.0);
    }

    /** The state with the largest share other than running, or null when the holder was always running. */
    public String mainNotRunning() {
        return shares.keySet().stream().filter(state -> !RUNNING.equals(state)).findFirst().orElse(null);
    }
}
