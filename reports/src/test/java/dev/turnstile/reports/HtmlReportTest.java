package dev.turnstile.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    static final String SCRIPT_THREAD = "<script>alert(1)</script>";
    static final String IMG_COMMAND = "sh -c echo \"><img src=x onerror=alert(1)>";

    @Test
    void rendersEverySectionOfARecordingWithFindings() throws IOException {
        String html = render(ReportFixtures.withOneFinding(1.02, List.of("A note about the recording.")));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("TS101"), html);
        assertTrue(html.contains("Shorten the critical section."), html);
        assertTrue(html.contains("com.example.Cache.get:42"), html);
        assertTrue(html.contains("A note about the recording."), html);
        assertTrue(html.contains("Waiters&#39;") || html.contains("Waiters'"), html);
        assertTrue(html.contains("<iframe class=\"flame\""), html);
        assertTrue(html.contains("data-report-ready"), html);
        for (String id : List.of("findings", "locks", "pools", "scheduler", "threads", "processes", "recording")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
    }

    @Test
    void loadsNothingFromElsewhere() throws IOException {
        String html = render(ReportFixtures.withOneFinding(1.02, List.of()));
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE)
                .matcher(html).find(), "a resource from the network");
        assertFalse(html.contains("<link"), "a linked resource");
        assertFalse(html.contains("@import"), "an imported style");
    }

    @Test
    void saysWhatIsMissingFromAPlainRecording() throws IOException {
        String html = render(ReportFixtures.empty());
        assertTrue(html.contains("need the kernel&#39;s per-thread counters") || html.contains(
                "need the kernel's per-thread counters"), html);
        assertTrue(html.contains("No lock contention recorded."), html);
    }

    @Test
    void drawsTheSchedulerTimelinesAndEveryThread() throws IOException {
        String html = render(ReportFixtures.oversubscribed());
        assertTrue(html.contains("CPUs in use (effective parallelism)"), html);
        assertTrue(html.contains("Context switches per second"), html);
        assertTrue(html.contains("C2 CompilerThread0"), html);
        assertFalse(html.contains("id=\"thread-timeline\""), "a timeline without threads that have one");
        String withTimeline = render(ReportFixtures.hostile("worker-9", "true"));
        assertTrue(withTimeline.contains("id=\"thread-timeline\""), withTimeline);
        assertTrue(withTimeline.contains("<rect class=\"running\""), withTimeline);
    }

    @Test
    void recordedTextIsEscapedEverywhere() throws IOException {
        String html = render(ReportFixtures.hostile(SCRIPT_THREAD, IMG_COMMAND));
        assertFalse(html.contains(SCRIPT_THREAD), "a thread name became markup");
        assertFalse(html.contains("<img"), "a command line became markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        // Only the report's own two scripts: the flame graphs' are inside escaped srcdoc attributes.
        assertEquals(2, html.split("<script>", -1).length - 1, html);
    }

    @Test
    void flameGraphFramesCannotEndTheConvertersScript() {
        assertEquals("a<\u200b/script>b<\u200b!--", dev.turnstile.reports.html.FlameAccess.inert("a</script>b<!--"));
    }

    private static String render(Analysis analysis) throws IOException {
        StringWriter out = new StringWriter();
        Report.of(Report.Format.HTML, "0.1.0-test").write(analysis, out);
        return out.toString();
    }
}
