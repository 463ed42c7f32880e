package dev.turnstile.gate;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.TTest;

/**
 * Whether several new runs are higher than several baseline runs beyond what run-to-run noise explains: a one-sided
 * test on the per-run values, so a regression fails a build only when it is unlikely to be chance.
 *
 * @param test  Welch's t-test (default: with 2 to 5 runs a side it can reach significance, where Mann-Whitney's
 *              exact p-value cannot go below 1/C(n+m, n), e.g. 0.05 with 3 runs a side) or Mann-Whitney U (no
 *              assumption about the distribution; use it with 5 or more runs a side)
 * @param alpha the largest p-value that counts as significant
 */
public record Significance(Test test, double alpha) {
    public enum Test {
        WELCH("welch"), MANN_WHITNEY("mann-whitney");

        private final String label;

        Test(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final Significance DEFAULT = new Significance(Test.WELCH, 0.05);

    /**
     * The one-sided p-value of "the new runs are higher than the baseline runs".
     *
     * @param baseline at least 2 values
     * @param runs     at least 2 values
     */
    public double pValueHigher(double[] runs, double[] baseline) {
        if (test == Test.MANN_WHITNEY) {
            return MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(runs, baseline)
                    .getPValue();
        }
        if (variance(runs) == 0 && variance(baseline) == 0) {
            // Welch's statistic is undefined without spread; identical repeats leave no doubt either way.
            return mean(runs) > mean(baseline) ? 0.0 : 1.0;
        }
        return TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).with(AlternativeHypothesis.GREATER_THAN)
                .test(runs, baseline).getPValue();
    }

    /**
     * p at most alpha. Exact p-values of small samples are fractions such as 1/20 that floating point can land a hair
     * above the alpha a user wrote for them, so the comparison allows for rounding.
     */
    public boolean significant(double p) {
        return p <= alpha * (1 + 1e-9);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }
}
