package dev.turnstile.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void defaultsWhenNothingIsGiven() {
        AgentOptions options = AgentOptions.parse(null);
        assertEquals(AgentOptions.DEFAULT_THRESHOLD_NANOS, options.thresholdNanos);
        assertTrue(options.file.isAbsolute());
        assertTrue(options.file.getFileName().toString().matches("turnstile-\\d+-\\d{8}-\\d{6}\\.jfr"),
                options.file.toString());
        assertEquals(List.of(), options.warnings);
    }

    @Test
    void readsFileAndThreshold() {
        AgentOptions options = AgentOptions.parse("file=/tmp/r.jfr, threshold=2ms");
        assertEquals(Path.of("/tmp/r.jfr"), options.file);
        assertEquals(2_000_000, options.thresholdNanos);
        assertEquals("file=/tmp/r.jfr,threshold=2000000ns,sched=1000ms", options.describe());
    }

    @Test
    void readsTheSchedulerPeriodOrOff() {
        assertEquals(AgentOptions.DEFAULT_SCHED_PERIOD_NANOS, AgentOptions.parse(null).schedPeriodNanos);
        assertEquals(250_000_000, AgentOptions.parse("sched=250ms").schedPeriodNanos);
        assertEquals(0, AgentOptions.parse("sched=off").schedPeriodNanos);
        assertTrue(AgentOptions.parse("sched=OFF").describe().endsWith(",sched=off"));
        // JFR's periods are whole milliseconds
        assertEquals(12_000_000, AgentOptions.parse("sched=12500us").schedPeriodNanos);
    }

    @Test
    void refusesSchedulerPeriodsTooShortToAfford() {
        AgentOptions options = AgentOptions.parse("sched=1ms,sched=often");
        assertEquals(AgentOptions.DEFAULT_SCHED_PERIOD_NANOS, options.schedPeriodNanos);
        assertEquals(2, options.warnings.size(), options.warnings.toString());
        assertTrue(options.warnings.get(0).contains("shortest period is 10ms"), options.warnings.get(0));
        assertTrue(options.warnings.get(1).contains("sched=often"), options.warnings.get(1));
    }

    @Test
    void parsesDurationsInEveryUnit() {
        assertEquals(0, AgentOptions.parseDuration("0"));
        assertEquals(500, AgentOptions.parseDuration("500ns"));
        assertEquals(100_000, AgentOptions.parseDuration("100us"));
        assertEquals(20_000_000, AgentOptions.parseDuration("20 ms"));
        assertEquals(1_000_000_000, AgentOptions.parseDuration("1S"));
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parseDuration("100"));
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parseDuration("-1ms"));
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parseDuration("soon"));
    }

    @Test
    void badOptionsAreWarningsNotFailures() {
        AgentOptions options = AgentOptions.parse("threshold=soon,colour=blue");
        assertEquals(AgentOptions.DEFAULT_THRESHOLD_NANOS, options.thresholdNanos);
        assertEquals(2, options.warnings.size(), options.warnings.toString());
        assertTrue(options.warnings.get(0).contains("threshold=soon"));
        assertTrue(options.warnings.get(1).contains("'colour'"));
    }
}
