package dev.turnstile.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.ProcessesReport;
import dev.turnstile.analyzer.model.ThreadsReport;
import dev.turnstile.analyzer.model.VirtualThreadsReport;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static JsonNode render(dev.turnstile.analyzer.model.Analysis analysis) throws Exception {
        StringWriter out = new StringWriter();
        Report.of(Report.Format.JSON, "9.9.9").write(analysis, out);
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void writesTheDocumentedFields() throws Exception {
        JsonNode root = render(ReportFixtures.withOneFinding(1.02, List.of()));
        assertEquals(1, root.path("schemaVersion").asInt());
        assertEquals("9.9.9", root.path("tool").path("version").asText());
        assertEquals(2, root.path("recording").path("cpus").asInt());
        assertEquals("2026-11-22T10:00:00Z", root.path("recording").path("start").asText());
        assertEquals(1, root.path("recording").path("agent").path("schemaVersion").asInt());

        JsonNode finding = root.path("findings").get(0);
        assertEquals("TS101", finding.path("id").asText());
        assertEquals("critical", finding.path("severity").asText());
        assertEquals("com.example.Cache.get:42", finding.path("subject").path("site").asText());
        assertEquals(0.93, finding.path("metrics").path("busy").asDouble());
        assertTrue(finding.path("metrics").path("waits").isIntegralNumber());
        assertEquals("com.example.Cache.get:42", finding.path("stacks").get(0).path("frames").get(0).asText());

        JsonNode lock = root.path("locks").get(0);
        assertEquals("juc", lock.path("kind").asText());
        assertEquals("java.util.concurrent.locks.ReentrantLock", lock.path("class").asText());
        assertEquals(1.02, lock.path("usersParallelism").asDouble());
        assertEquals("worker-1", lock.path("owners").get(0).path("thread").asText());
        assertEquals(412, lock.path("holderStates").path("samples").asLong());
        assertEquals(0.8, lock.path("holderStates").path("shares").path("sleeping").asDouble());
        assertEquals("sleeping", lock.path("holderStates").path("shares").fieldNames().next(), "largest share first");
        assertEquals("async-profiler-wall", root.path("recording").path("sources").get(2).asText());
        // What a lock known only by its waits has of the capacity and rate fields: nulls where unknown.
        assertTrue(lock.path("meanHoldNanos").isNull());
        assertEquals(0, lock.path("contendedAcquisitions").asLong());
        assertEquals("cold", lock.path("quadrant").asText());
        assertTrue(lock.path("holderStacks").isArray());
        assertTrue(lock.path("timeline").isNull());
        assertTrue(lock.path("phase").isNull());
        for (String section : List.of("lockKinds", "deadlocks", "herds", "waitChains")) {
            assertTrue(root.path(section).isArray(), section);
        }
    }

    @Test
    void writesTheSchedulerSection() throws Exception {
        JsonNode scheduler = render(ReportFixtures.oversubscribed()).path("scheduler");
        assertEquals(1_000_000_000L, scheduler.path("samplePeriodNanos").asLong());
        assertEquals(0.74, scheduler.path("runQueueShare").asDouble());
        assertEquals(7.9, scheduler.path("application").path("meanThreadsWantingCpu").asDouble());
        assertEquals(600, scheduler.path("switchCost").path("perSwitchNanos").asLong());
        assertEquals(false, scheduler.path("switchCost").path("calibrated").asBoolean());
        assertEquals(2, scheduler.path("timeline").path("slices").size());
        assertEquals(1_000_000_000L, scheduler.path("timeline").path("slices").get(1).path("offsetNanos").asLong());

        JsonNode group = scheduler.path("groups").get(0);
        assertEquals("worker-*", group.path("name").asText());
        assertEquals(8, group.path("threads").asInt());
        assertEquals(8 * 500_000_000L, group.path("states").path("runningNanos").asLong());
        assertEquals(8 * 2_000_000_000L, group.path("states").path("lifetimeNanos").asLong());
        assertEquals(240_000, group.path("switchCostNanos").asLong());
        assertTrue(scheduler.path("groups").get(1).path("jvmInternal").asBoolean());

        JsonNode thread = scheduler.path("threads").get(0);
        assertEquals(1001, thread.path("tid").asLong());
        assertEquals("worker-*", thread.path("group").asText());
        assertEquals(500.0 / 520, thread.path("cpuShare").asDouble(), 1e-9, "running / (life - runnable)");
        assertEquals(48, thread.path("involuntarySwitches").asLong());
        assertEquals(1, scheduler.path("notes").size());
    }

    @Test
    void writesUnknownValuesAsNull() throws Exception {
        JsonNode root = render(ReportFixtures.withOneFinding(null, List.of()));
        assertTrue(root.path("locks").get(0).path("usersParallelism").isNull());
        assertTrue(render(new Analysis(ReportFixtures.empty().recording(), List.of(),
                List.of(ReportFixtures.lockWithoutHolderStates()), List.of(), ThreadsReport.EMPTY,
                ProcessesReport.EMPTY, VirtualThreadsReport.EMPTY)).path("locks").get(0).path("holderStates").isNull());
        JsonNode empty = render(ReportFixtures.empty());
        assertTrue(empty.path("recording").path("agent").isNull());
        assertTrue(empty.path("recording").path("start").isNull());
        assertEquals(0, empty.path("findings").size());
        assertTrue(empty.path("scheduler").isNull(), "no per-thread counters");
    }
}
