package dev.turnstile.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

    private static String render(Analysis analysis) throws IOException {
        StringWriter out = new StringWriter();
        Report.of(Report.Format.TEXT, "9.9.9").write(analysis, out);
        return out.toString();
    }

    @Test
    void showsTheFindingWithItsLockCriticalSectionStackAndAdvice() throws IOException {
        String text = render(ReportFixtures.withOneFinding(1.02, List.of()));
        assertTrue(text.startsWith("Turnstile 9.9.9 | app.jfr\n"), text);
        assertTrue(text.contains("OpenJDK 64-Bit Server VM 17.0.15 | 2 CPUs | 2.00 s observed | agent 0.1.0"), text);
        assertTrue(text.contains("1 finding"), text);
        assertTrue(text.contains("CRITICAL TS101  GIL-style serialisation"), text);
        assertTrue(text.contains("lock: java.util.concurrent.locks.ReentrantLock@0x1f2e3d"), text);
        assertTrue(text.contains("critical section: com.example.Cache.get:42"), text);
        assertTrue(text.contains("at com.example.Service.handle:17"), text);
        assertTrue(text.contains("what to do: Shorten the critical section."), text);
        assertTrue(text.contains("ReentrantLock@0x1f2e3d"), text);
        assertTrue(text.contains("holder: sleeping 80%, running 20% (412 samples)"), text);
    }

    @Test
    void wrapsLongLinesAtTheTerminalWidth() throws IOException {
        for (String line : render(ReportFixtures.withOneFinding(null, List.of("x ".repeat(80)))).split("\n")) {
            assertTrue(line.length() <= TextReport.WIDTH, () -> "too long: " + line);
        }
    }

    @Test
    void showsTheSchedulerTableByThreadGroupWithinTheWidth() throws IOException {
        String text = render(ReportFixtures.oversubscribed());
        assertTrue(text.replaceAll("\\s+", " ").contains("Scheduler: 2.05 of 2 CPUs in use on average (peak 2.00);"
                + " threads waited for a CPU 74% of the time they wanted one"), text);
        String workers = text.lines().filter(l -> l.endsWith("  worker-*")).findFirst().orElseThrow(() ->
                new AssertionError(text));
        // 0.5 s running, 1.48 s runnable of a 2 s life; 400 switches a 2 s recording
        assertTrue(workers.matches("\\s+8\\s+25%\\s+74%(\\s+0%){5}\\s+1%\\s+200\\s+240 us  worker-\\*"), workers);
        assertTrue(text.contains("C2 CompilerThread* (JVM)"), text);
        assertTrue(text.contains("600 ns per switch (default, not calibrated)"), text);
        assertTrue(text.contains("note: Switch costs use the default"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= TextReport.WIDTH, () -> "too long: " + line);
        }
    }

    @Test
    void saysSoWhenThereIsNothingToReport() throws IOException {
        String text = render(ReportFixtures.empty());
        assertTrue(text.contains("no Turnstile agent"), text);
        assertTrue(text.contains("note: No Turnstile agent events."), text);
        assertTrue(text.contains("No findings"), text);
        assertTrue(text.contains("No lock contention recorded."), text);
    }

    @Test
    void coloursSeveritiesAndHeadingsOnlyWhenAsked() throws IOException {
        StringWriter out = new StringWriter();
        Report.of(Report.Format.TEXT, "9.9.9", true).write(ReportFixtures.withOneFinding(1.02, List.of()), out);
        String coloured = out.toString();
        assertTrue(coloured.contains("\u001b[1;31mCRITICAL\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[1mLocks by time waited\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[32mwhat to do:\u001b[0m"), coloured);
        for (String line : coloured.split("\n")) {
            assertTrue(Ansi.visibleLength(line) <= TextReport.WIDTH, () -> "too wide: " + line);
        }
        // The same words once the colours are taken out; none without them.
        String plain = render(ReportFixtures.withOneFinding(1.02, List.of()));
        assertFalse(plain.contains("\u001b"), plain);
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void formatsUnitsForReading() {
        assertEquals("3.40 s", Units.duration(3_400_000_000L));
        assertEquals("120 s", Units.duration(120_000_000_000L));
        assertEquals("2.5 ms", Units.duration(2_500_000));
        assertEquals("250 us", Units.duration(250_000));
        assertEquals("93%", Units.percent(0.93));
        assertEquals("1,325", Units.count(1325));
        assertEquals("GilSample$Interpreter", Units.shortClass("dev.turnstile.samples.GilSample$Interpreter"));
    }
}
