package dev.turnstile.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's decisions and messages, on small reports with known numbers. */
class GateTest {
    private static final String CACHE = "com.example.Cache";
    private static final String GET = "com.example.Cache.get:42";

    private static GateResult gate(String rules, List<RunReport> runs, List<RunReport> baseline) throws Exception {
        return new Gate(GateRules.parse(rules, "rules.yaml")).evaluate(runs, baseline);
    }

    private static RunReport waited(String source, double millis) {
        return Runs.run().lock(CACHE, GET, (long) (millis * 1e6), 0.5).as(source);
    }

    @Test
    void absoluteLimitFailsWithRuleSubjectMeasuredAndLimit() throws Exception {
        GateResult result = gate("limits:\n  - metric: locks.busy\n    lock: 'com.example.*'\n    max: 5%",
                List.of(Runs.run().lock(CACHE, GET, 1, 0.31).lock("org.other.Lock", "x:1", 1, 0.9).as("a.jfr")),
                List.of());
        assertFalse(result.passed());
        assertEquals(1, result.checks().size(), "the selector leaves the other lock out");
        Check check = result.checks().get(0);
        assertEquals("lock com.example.Cache at com.example.Cache.get", check.subject());
        assertEquals("locks.busy <= 5 %: lock com.example.Cache at com.example.Cache.get: measured 31 % > limit 5 %",
                check.message());
    }

    @Test
    void severalRunsAreJudgedByTheirMedian() throws Exception {
        String rules = "limits:\n  - metric: pools.queueWait.p99Nanos\n    pool: 'checkout-*'\n    max: 50ms";
        GateResult result = gate(rules, List.of(Runs.run().pool("checkout-", 40_000_000).as("1"),
                Runs.run().pool("checkout-", 90_000_000).as("2"), Runs.run().pool("checkout-", 45_000_000).as("3")),
                List.of());
        assertTrue(result.passed(), () -> result.checks().toString());
        assertEquals("45 ms (median of 3 runs)", result.checks().get(0).measured());
    }

    @Test
    void aSmallAbsoluteIncreaseNeverFails() throws Exception {
        String rules = "limits:\n  - metric: locks.waitNanos\n    maxIncrease: 10%\n    minEffect: 5ms";
        GateResult result = gate(rules, List.of(waited("new", 2)), List.of(waited("base", 1)));
        assertTrue(result.passed(), () -> result.checks().toString());
        assertTrue(result.checks().get(0).message().contains("below the minimum effect 5 ms"),
                result.checks().get(0).message());
    }

    @Test
    void aSignificantIncreaseFailsWithTheBaselineMedianAndPValue() throws Exception {
        String rules = "limits:\n  - metric: locks.waitNanos\n    maxIncrease: 10%\n    minEffect: 5ms";
        GateResult result = gate(rules, List.of(waited("n1", 40), waited("n2", 42), waited("n3", 41)),
                List.of(waited("b1", 20), waited("b2", 21), waited("b3", 19)));
        assertFalse(result.passed());
        Check check = result.failures().get(0);
        assertEquals("20 ms (median of 3 runs)", check.baseline());
        assertTrue(check.pValue() < 0.001, check.toString());
        assertTrue(check.message().contains("measured 41 ms (median of 3 runs) vs baseline 20 ms (median of 3 runs)"
                + " (+105 %) > 22 ms allowed; Welch's t-test p="), check.message());
    }

    @Test
    void noiseIsNotARegression() throws Exception {
        String rules = "limits:\n  - metric: locks.waitNanos\n    maxIncrease: 10%";
        GateResult result = gate(rules, List.of(waited("n1", 30), waited("n2", 12), waited("n3", 25)),
                List.of(waited("b1", 20), waited("b2", 11), waited("b3", 29)));
        assertTrue(result.passed(), () -> result.checks().toString());
        assertTrue(result.checks().get(0).message().contains("but not significant"), result.checks().toString());
    }

    @Test
    void oneRunASideIsDecidedByTheLimitsAlone() throws Exception {
        String rules = "limits:\n  - metric: locks.waitNanos\n    maxIncrease: 10%\n    minEffect: 5ms";
        GateResult result = gate(rules, List.of(waited("n", 40)), List.of(waited("b", 20)));
        assertFalse(result.passed());
        assertNull(result.failures().get(0).pValue());
        assertTrue(result.failures().get(0).message().contains("no significance test"));
    }

    @Test
    void relativeLimitsWithoutABaselineAreSkipped() throws Exception {
        GateResult result = gate("limits:\n  - metric: locks.waitNanos\n    maxIncrease: 10%",
                List.of(waited("n", 40)), List.of());
        assertTrue(result.passed());
        assertEquals(Check.Status.SKIPPED, result.checks().get(0).status());
    }

    @Test
    void forbiddenFindingsFailNamingTheSubjectAndTheRunsThatHadIt() throws Exception {
        RunReport gil = Runs.run().finding("TS101", "lock", CACHE, GET, "GIL-style serialisation: 8 threads")
                .as("gil.jfr");
        GateResult result = gate("forbid: [TS101, TS104]", List.of(gil, Runs.run().as("clean.jfr")), List.of());
        assertEquals(1, result.failures().size());
        Check check = result.failures().get(0);
        assertEquals("forbid TS101", check.rule());
        assertEquals("lock com.example.Cache at com.example.Cache.get", check.subject());
        assertEquals("TS101 found in 1 of 2 runs: GIL-style serialisation: 8 threads", check.message());
        assertEquals(Check.Status.PASSED, result.checks().get(1).status());
    }

    @Test
    void aForbiddenFindingWithASelectorIgnoresOtherSubjects() throws Exception {
        RunReport run = Runs.run().finding("TS102", "lock", "org.other.Lock", "x:1", "hot").as("a");
        assertTrue(gate("forbid:\n  - id: TS102\n    lock: 'com.example.*'", List.of(run), List.of()).passed());
    }

    @Test
    void aSelectorThatMatchesNothingIsSkippedNotPassed() throws Exception {
        GateResult result = gate("limits:\n  - metric: pools.queueWait.p99Nanos\n    pool: 'nope-*'\n    max: 1ms",
                List.of(Runs.run().pool("checkout-", 90_000_000).as("a")), List.of());
        assertEquals(Check.Status.SKIPPED, result.checks().get(0).status());
        assertEquals("pools.queueWait.p99Nanos <= 1 ms: no subject in pools matched pool nope-*", result.checks().get(0).message());
    }
}
