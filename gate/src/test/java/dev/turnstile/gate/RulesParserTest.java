package dev.turnstile.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RulesParserTest {

    @Test
    void readsForbiddenFindingsLimitsAndSignificance() throws Exception {
        GateRules rules = GateRules.parse("""
                forbid:
                  - TS101
                  - ts104
                  - id: TS102
                    lock: "com.example.*"
                limits:
                  - name: checkout queue
                    metric: pools.queueWait.p99Nanos
                    pool: "checkout-*"
                    max: 50ms
                  - metric: locks.busy
                    max: 5%
                  - metric: locks.waitNanos
                    site: "*Cache.get*"
                    maxIncrease: 10%
                    minEffect: 5ms
                  - metric: scheduler.meanParallelism
                    min: 1.5
                significance:
                  test: mann-whitney
                  alpha: 0.01
                """, "rules.yaml");
        assertEquals(3, rules.forbidden().size());
        assertEquals("TS104", rules.forbidden().get(1).id());
        assertTrue(rules.forbidden().get(2).selector().patterns().containsKey("lock"));
        assertEquals(4, rules.limits().size());
        Limit pool = rules.limits().get(0);
        assertEquals("checkout queue", pool.name());
        assertEquals(50e6, pool.max());
        assertEquals("pools", pool.metric().section().path());
        assertEquals("queueWait.p99Nanos", pool.metric().field());
        Limit busy = rules.limits().get(1);
        assertEquals(0.05, busy.max(), 1e-12);
        assertEquals("locks.busy <= 5 %", busy.name());
        Limit wait = rules.limits().get(2);
        assertEquals(0.10, wait.maxIncrease(), 1e-12);
        assertEquals(5e6, wait.minEffect());
        assertNull(wait.max());
        assertTrue(rules.hasRelativeLimits());
        assertEquals(1.5, rules.limits().get(3).min());
        assertEquals(Significance.Test.MANN_WHITNEY, rules.significance().test());
        assertEquals(0.01, rules.significance().alpha());
    }

    @Test
    void defaultsToWelchAtFivePercent() throws Exception {
        GateRules rules = GateRules.parse("forbid: [TS104]", "r");
        assertEquals(Significance.DEFAULT, rules.significance());
        assertTrue(rules.limits().isEmpty());
    }

    @Test
    void nestedSectionsResolveToTheLongestPath() throws Exception {
        Metric metric = Metrics.parse("scheduler.groups.states.runnableNanos");
        assertEquals("scheduler.groups", metric.section().path());
        assertEquals(MetricKind.DURATION, metric.kind());
        assertEquals("scheduler", Metrics.parse("scheduler.states.runnableNanos").section().path());
        assertEquals(MetricKind.SHARE, Metrics.parse("scheduler.threads.runQueueShare").kind());
        assertEquals(MetricKind.NUMBER, Metrics.parse("threads.started").kind());
    }

    @Test
    void badRulesAreOneLineErrorsSayingWhere() {
        assertError("forbid: [TS101", "rules.yaml: not valid YAML");
        assertError("", "the rules file is empty");
        assertError("limits: []", "no rules");
        assertError("forbid: [TS999]", "forbid[0]: unknown finding id 'TS999'");
        assertError("limits:\n  - metric: locks.waitTime\n    max: 1s", "limits[0]: unknown metric 'locks.waitTime'");
        assertError("limits:\n  - metric: locks.waitNanos\n    max: 5%", "locks.waitNanos needs a duration");
        assertError("limits:\n  - metric: locks.busy\n    max: 5ms", "locks.busy needs a percentage");
        assertError("limits:\n  - metric: locks.waitNanos\n    max: 1000", "needs a duration");
        assertError("limits:\n  - metric: locks.waitNanos\n    max: fast", "is not a number");
        assertError("limits:\n  - metric: locks.waitNanos\n    max: 5h", "unknown unit 'h'");
        assertError("limits:\n  - metric: locks.waitNanos\n    maxIncrease: 0.1", "maxIncrease is a percentage");
        assertError("limits:\n  - metric: locks.waitNanos\n    minEffect: 1ms\n    max: 1s", "minEffect only applies");
        assertError("limits:\n  - metric: locks.waitNanos", "needs max, min or maxIncrease");
        assertError("limits:\n  - metric: locks.waitNanos\n    pool: x\n    max: 1s",
                "selector 'pool' does not apply to locks (use lock or site)");
        assertError("limits:\n  - metric: threads.started\n    thread: x\n    max: 1",
                "selector 'thread' does not apply to threads (it has no subjects to select)");
        assertError("limits:\n  - metric: locks.waitNanos\n    maximum: 1s", "unknown key 'maximum'");
        assertError("forbid: [TS101]\nlimit: []", "the top level: unknown key 'limit'");
        assertError("forbid: [TS101]\nsignificance:\n  test: sign", "unknown test 'sign'");
        assertError("forbid: [TS101]\nsignificance:\n  alpha: 2", "alpha is a probability");
    }

    private static void assertError(String yaml, String expected) {
        GateException error = assertThrows(GateException.class, () -> GateRules.parse(yaml, "rules.yaml"));
        assertTrue(error.getMessage().contains(expected), () -> "'" + expected + "' not in: " + error.getMessage());
        assertTrue(error.getMessage().startsWith("rules.yaml: "), error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
    }
}
