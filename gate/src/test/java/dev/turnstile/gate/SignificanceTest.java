package dev.turnstile.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tests against values known independently: tables, exact fractions, and SciPy 1.17's results. */
class SignificanceTest {
    private static final Significance WELCH = new Significance(Significance.Test.WELCH, 0.05);
    private static final Significance MANN_WHITNEY = new Significance(Significance.Test.MANN_WHITNEY, 0.05);

    @Test
    void welchAtTheTablesCriticalValue() {
        // Equal sizes and variances: df = 2(n-1) = 4, and t = a / sqrt(2/3) equals t(0.95, 4) = 2.131847 for
        // a = 1.740660, so the one-sided p-value is 0.05.
        double a = 2.1318467863266495 * Math.sqrt(2.0 / 3);
        assertEquals(0.05, WELCH.pValueHigher(new double[] {a - 1, a, a + 1}, new double[] {-1, 0, 1}), 1e-9);
    }

    @Test
    void welchWithUnequalSizesAndVariances() {
        // scipy.stats.ttest_ind(x, y, equal_var=False, alternative='greater').pvalue
        double[] x = {12.1, 14.3, 13.8, 15.2, 13.0};
        double[] y = {11.0, 12.2, 11.9, 12.8};
        assertEquals(0.01783429464501478, WELCH.pValueHigher(x, y), 1e-12);
        assertTrue(WELCH.pValueHigher(y, x) > 0.95, "lower is not higher");
    }

    @Test
    void mannWhitneyExactPValues() {
        // all of 3 above all of 3: one arrangement of C(6,3) = 20
        assertEquals(1.0 / 20, MANN_WHITNEY.pValueHigher(new double[] {4, 5, 6}, new double[] {1, 2, 3}), 1e-12);
        assertTrue(MANN_WHITNEY.significant(1.0 / 20), "p = alpha counts, whatever the rounding");
        // scipy.stats.mannwhitneyu(x, y, alternative='greater', method='exact').pvalue = 8/252
        double[] x = {12.1, 14.3, 13.8, 15.2, 13.0};
        double[] y = {11.0, 12.2, 11.9, 12.8};
        assertEquals(2.0 / 63, MANN_WHITNEY.pValueHigher(x, y), 1e-12);
    }

    @Test
    void identicalRepeatsNeedNoSpread() {
        assertEquals(0.0, WELCH.pValueHigher(new double[] {2, 2}, new double[] {1, 1}));
        assertEquals(1.0, WELCH.pValueHigher(new double[] {1, 1}, new double[] {1, 1}));
        assertFalse(WELCH.significant(0.2));
    }
}
