package dev.turnstile.gate;

/**
 * A limit on one metric of the selected subjects: absolute ({@code max}, {@code min}) and, with a baseline, relative
 * ({@code maxIncrease}). Values are in the metric's units (nanoseconds, fractions); null where the rule sets none.
 *
 * @param name        the rule's name in messages and reports: given in the file, or made from the metric
 * @param maxIncrease the most the new runs' median may exceed the baseline's, as a fraction (0.1 for 10 %)
 * @param minEffect   a smaller absolute increase never fails, however large relative to the baseline
 */
record Limit(String name, Metric metric, Selector selector, Double max, Double min, Double maxIncrease,
             Double minEffect) {

    boolean relative() {
        return maxIncrease != null;
    }

    boolean absolute() {
        return max != null || min != null;
    }
}
