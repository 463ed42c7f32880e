package dev.turnstile.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DiffTest {

    @Test
    void reportsNewAndGoneFindingsAndWhatGotWorseOrBetter() throws Exception {
        RunReport base = Runs.run().lock("a.Cache", "a.Cache.get:1", 100_000_000, 0.5)
                .lock("a.Queue", "a.Queue.put:9", 50_000_000, 0.2).lock("a.Gone", "a.Gone.x:1", 1, 0.1)
                .finding("TS102", "lock", "a.Queue", "a.Queue.put:9", "Hot lock: a.Queue").as("base.json");
        // the new run's code moved a.Cache.get down its file: still the same lock
        RunReport next = Runs.run().lock("a.Cache", "a.Cache.get:7", 300_000_000, 0.52)
                .lock("a.Queue", "a.Queue.put:9", 10_000_000, 0.05)
                .finding("TS101", "lock", "a.Cache", "a.Cache.get:1", "GIL-style serialisation: a.Cache").as("new.jfr");
        Diff.Result diff = Diff.compare(base, next);

        assertEquals(2, diff.findings().size());
        assertEquals(Diff.Change.NEW, diff.findings().get(0).change());
        assertEquals("TS101", diff.findings().get(0).id());
        assertEquals(Diff.Change.GONE, diff.findings().get(1).change());

        Diff.MetricChange cacheWait = find(diff, "lock a.Cache at a.Cache.get", "locks.waitNanos");
        assertEquals(Diff.Change.WORSE, cacheWait.change());
        assertEquals(3.0, cacheWait.ratio(), 1e-9);
        assertEquals(Diff.Change.SAME, find(diff, "lock a.Cache at a.Cache.get", "locks.busy").change());
        assertEquals(Diff.Change.BETTER, find(diff, "lock a.Queue at a.Queue.put", "locks.waitNanos").change());
        assertEquals(Diff.Change.GONE, find(diff, "lock a.Gone at a.Gone.x", "locks.waitNanos").change());

        StringWriter text = new StringWriter();
        DiffReport.write(diff, DiffReport.Format.TEXT, new PrintWriter(text));
        assertTrue(text.toString().contains("  new   TS101  GIL-style serialisation: a.Cache"), text.toString());
        assertTrue(text.toString().contains("Worse:\n  lock a.Cache at a.Cache.get  locks.waitNanos  100 ms -> 300 ms"
                + "  (x3.00)"), text.toString());
        StringWriter json = new StringWriter();
        DiffReport.write(diff, DiffReport.Format.JSON, new PrintWriter(json));
        assertTrue(json.toString().contains("\"change\" : \"worse\""), json.toString());
        StringWriter md = new StringWriter();
        DiffReport.write(diff, DiffReport.Format.MD, new PrintWriter(md));
        assertTrue(md.toString().contains("| **worse** | lock a.Cache at a.Cache.get | locks.waitNanos | 100 ms | 300 ms"
                + " | x3.00 |"), md.toString());
    }

    private static Diff.MetricChange find(Diff.Result diff, String subject, String metric) {
        return diff.metrics().stream().filter(m -> m.subject().equals(subject) && m.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError(subject + " " + metric + " in " + diff.metrics()));
    }
}
