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
        assertEquals("file=/tmp/r.jfr,threshold=2000000ns", options.describe());
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
