package dev.turnstile.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
        assertEquals("file=/tmp/r.jfr,threshold=2000000ns,profiler=wall+cpu,wall=20000000ns,cpu=10000000ns,"
                + "sched=1000ms,sleepstacks=on", options.describe());
    }

    @Test
    void sleepStacksAreOnUnlessSwitchedOff() {
        assertTrue(AgentOptions.parse(null).sleepStacks);
        AgentOptions off = AgentOptions.parse("sleepstacks=OFF");
        assertFalse(off.sleepStacks);
        assertTrue(off.describe().endsWith(",sleepstacks=off"), off.describe());
        AgentOptions wrong = AgentOptions.parse("sleepstacks=no");
        assertTrue(wrong.sleepStacks);
        assertEquals(List.of("ignoring sleepstacks=no: give on or off"), wrong.warnings);
    }

    @Test
    void readsTheSchedulerPeriodOrOff() {
        assertEquals(AgentOptions.DEFAULT_SCHED_PERIOD_NANOS, AgentOptions.parse(null).schedPeriodNanos);
        assertEquals(250_000_000, AgentOptions.parse("sched=250ms").schedPeriodNanos);
        assertEquals(0, AgentOptions.parse("sched=off").schedPeriodNanos);
        assertTrue(AgentOptions.parse("sched=OFF").describe().contains(",sched=off,"));
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
    void readsProfilerModesWithPlusOrCommas() {
        AgentOptions plus = AgentOptions.parse("profiler=wall+ctxsw,wall=5ms,ctxsw=50");
        assertEquals(Set.of("wall", "ctxsw"), plus.profiler.modes);
        assertEquals(5_000_000, plus.profiler.wallNanos);
        assertEquals(50, plus.profiler.ctxswPeriod);
        AgentOptions commas = AgentOptions.parse("profiler=cpu,wall,file=/tmp/r.jfr,cpu=1ms");
        assertEquals(Set.of("cpu", "wall"), commas.profiler.modes);
        assertEquals(1_000_000, commas.profiler.cpuNanos);
        assertEquals(Path.of("/tmp/r.jfr"), commas.file);
        assertEquals(List.of(), commas.warnings);
        assertTrue(AgentOptions.parse("profiler=off").profiler.off());
        assertEquals(Path.of("/x.so"), AgentOptions.parse("profiler.lib=/x.so").profiler.library);
    }

    @Test
    void badProfilerOptionsAreWarnings() {
        AgentOptions options = AgentOptions.parse("profiler=cpu+lock+ctxsw,wall=0ms,cpu=soon");
        assertEquals(Set.of("cpu"), options.profiler.modes);
        assertEquals(4, options.warnings.size(), options.warnings.toString());
        assertTrue(options.warnings.get(0).contains("'lock'"));
        assertTrue(options.warnings.get(3).contains("cpu and ctxsw"));
        assertEquals(20_000_000, options.profiler.wallNanos);
    }

    @Test
    void badOptionsAreWarningsNotFailures() {
        AgentOptions options = AgentOptions.parse("threshold=soon,colour=blue");
        assertEquals(AgentOptions.DEFAULT_THRESHOLD_NANOS, options.thresholdNanos);
        assertEquals(2, options.warnings.size(), options.warnings.toString());
        assertTrue(options.warnings.get(0).contains("threshold=soon"));
        assertTrue(options.warnings.get(1).contains("'colour'"));
    }

    /**
     * async-profiler opens an HTTP server when its start command holds {@code server=ADDRESS}, its one option that
     * listens on the network. No agent option reaches its command: the options are parsed into typed settings (known
     * modes, durations, a count), and the command is built from those alone.
     */
    @Test
    void noOptionGivesAsyncProfilerAServer() {
        AgentOptions options = AgentOptions.parse("profiler=wall+server,server=127.0.0.1:8080,profiler=cpu,"
                + "server=0.0.0.0:1,wall=20ms,server=:2,cpu=10ms");
        assertEquals(Set.of("cpu"), options.profiler.modes);
        assertEquals(4, options.warnings.size(), options.warnings.toString());
        assertTrue(options.warnings.stream().allMatch(w -> w.contains("server")), options.warnings.toString());
        assertFalse(options.describe().contains("server"), options.describe());
    }
}
