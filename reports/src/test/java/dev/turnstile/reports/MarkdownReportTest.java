package dev.turnstile.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create());

    private static String render(Analysis analysis) throws IOException {
        StringWriter out = new StringWriter();
        Report.of(Report.Format.MARKDOWN, "9.9.9").write(analysis, out);
        return out.toString();
    }

    /** What a CommonMark reader with GitHub's tables makes of it (raw HTML passes through, as it would to GitHub). */
    private static String html(String markdown) {
        return HtmlRenderer.builder().extensions(GFM).build()
                .render(Parser.builder().extensions(GFM).build().parse(markdown));
    }

    @Test
    void summarisesTheRecordingTheFindingsAndTheTopLocks() throws IOException {
        String md = render(ReportFixtures.withOneFinding(1.02, List.of("A note.")));
        assertTrue(md.startsWith("## Turnstile report: `app.jfr`\n"), md);
        assertTrue(md.contains("**Recorded:** `OpenJDK 64-Bit Server VM 17.0.15` · 2 CPUs · 2.00 s observed"), md);
        assertTrue(md.contains("**Sources:** `agent`, `jdk`, `async-profiler-wall`, `async-profiler-cpu`"), md);
        assertTrue(md.contains("- A note."), md);
        assertTrue(md.contains("| 1 | 🔴 **critical** | TS101 | GIL-style serialisation"), md);
        assertTrue(md.contains("- **critical section:** `com.example.Cache.get:42`"), md);
        assertTrue(md.contains("- **numbers:** busy 0.93 · waits 120"), md);
        assertTrue(md.contains("- **what to do:** Shorten the critical section."), md);
        assertTrue(md.contains("<details><summary>Where threads waited (120 waits, 3.40 s)</summary>"), md);
        assertTrue(md.contains("- at `com.example.Service.handle:17`"), md);
        assertTrue(md.contains("| juc | 120 | 3.40 s | 1.70 | 93% | 4 | `ReentrantLock@0x1f2e3d` |"
                + " `com.example.Cache.get:42` | sleeping 80%, running 20% |"), md);

        String html = html(md);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<code>ReentrantLock@0x1f2e3d</code>"), html);
    }

    @Test
    void showsTheSchedulerAndSaysWhenThereIsNothingToReport() throws IOException {
        String md = render(ReportFixtures.oversubscribed());
        assertTrue(md.contains("### Scheduler"), md);
        assertTrue(md.contains("| `worker-*` | 8 | 25% | 74% |"), md);
        assertTrue(md.contains("| `C2 CompilerThread*` (JVM) | 1 |"), md);
        String empty = render(ReportFixtures.empty());
        assertTrue(empty.contains("### No findings"), empty);
        assertTrue(empty.contains("No lock contention recorded."), empty);
        assertTrue(empty.contains("no Turnstile agent"), empty);
    }

    @Test
    void namesFromTheRecordingRenderAsText() throws IOException {
        String md = render(ReportFixtures.hostile());
        String html = html(md);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<strong>bold</strong>") || html.contains("<em>bold</em>"), html);
        assertFalse(html.contains("<a href"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("Hot lock &lt;script&gt;alert(1)&lt;/script&gt; | *bold* $x$ [a](b) `c`"), html);
        // A pipe in a name stays in its cell: every row of every table keeps its columns.
        Matcher table = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL).matcher(html);
        int tables = 0;
        while (table.find()) {
            tables++;
            Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
            int columns = -1;
            while (row.find()) {
                int cells = row.group(1).split("<t[hd][ >]", -1).length - 1;
                assertTrue(columns == -1 || cells == columns, () -> "a row with other columns:\n" + table.group());
                columns = cells;
            }
        }
        assertEquals(3, tables, "findings, locks, pools: " + html);
        assertTrue(html.contains("<code>p|o`o&lt;script&gt;alert(1)&lt;/script&gt;* (Pool)</code>"), "pool name whole in its cell: " + html);
        assertTrue(html.contains("<code>sh -c 'echo ``x`` | &quot;&gt;&lt;img"), "command line whole: " + html);
    }

    @Test
    void staysUnderOneMebibyteWhateverTheRecordingHolds() throws IOException {
        String md = render(ReportFixtures.huge());
        int bytes = md.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 1024 * 1024, "bytes: " + bytes);
        assertTrue(md.contains("… and 1,980 more findings, left out here"), md.substring(0, 2000));
        assertTrue(md.contains("Locks by time waited (top 10 of 2,000)"), "capped lock table");
        assertTrue(md.contains("… and 980 more notes"), "capped notes");
        assertTrue(md.contains("more frames"), "capped stacks");
        assertTrue(md.contains("… (20,000 characters)"), "shortened names say so");
    }

    @Test
    void whatDoesNotFitIsCutWithAVisibleNote() throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownReport("9.9.9", 40_000).write(ReportFixtures.huge(), out);
        String md = out.toString();
        assertTrue(md.getBytes(StandardCharsets.UTF_8).length <= 40_000, "bytes: " + md.length());
        assertTrue(md.contains("**This report was cut short** to stay under 39 KiB"), md);
        assertEquals(1, md.split("cut short", -1).length - 1, "said once");
        assertEquals(md.split("<details>", -1).length, md.split("</details>", -1).length, "no element left open");
    }
}
