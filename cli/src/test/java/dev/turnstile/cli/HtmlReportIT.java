package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.reports.Report;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Chromium;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The HTML report as a person sees it: written next to the recording by the commands that record, and opened in
 * headless Chromium, where its script must finish without an error and recorded text must stay text. The demo's
 * screenshot is kept in target/it-output/html for people to look at.
 */
class HtmlReportIT {
    private static final Pattern HTML_LINE = Pattern.compile("HTML report: (\\S+\\.html)");
    private static final List<String> SECTIONS = List.of("findings", "locks", "pools", "scheduler", "threads",
            "processes", "recording");

    private static Path output() throws java.io.IOException {
        return Files.createDirectories(Artifacts.outputDirectory().resolve("html"));
    }

    @Test
    void demoWritesItsReportNextToTheRecordingAndItOpensInABrowser() throws Exception {
        Chromium chromium = Chromium.require();
        Jdk jdk = Jdks.require(17);
        Path dir = Files.createTempDirectory(output(), "demo-gil");
        Command.Outcome outcome = Turnstile.on(jdk, "demo", "gil", "--seconds", 2, "-o", dir);
        assertEquals(0, outcome.exitCode(), outcome::describe);
        Path recording = Turnstile.keptRecording(outcome);
        Path html = htmlReport(outcome);
        assertEquals(recording.resolveSibling(recording.getFileName().toString().replace(".jfr", ".html")), html);

        String dom = chromium.dumpDom(html);
        assertOpenedCleanly(dom, html);
        assertTrue(dom.contains("TS101"), "the finding");
        assertTrue(dom.contains("id=\"thread-timeline\""), "the thread-state timeline");
        assertTrue(dom.contains("<iframe class=\"flame\""), "the waiters' flame graph");
        assertTrue(dom.contains("CPUs in use (effective parallelism)"), "the parallelism chart");
        assertTrue(dom.contains("Context switches per second"), "the switch-rate chart");
        assertTrue(dom.contains("GilSample$Interpreter"), "the lock");

        Path png = chromium.screenshot(html, output().resolve("demo-gil.png"), 1300, 3200);
        assertTrue(Files.size(png) > 50_000, () -> png + " looks empty");
    }

    /**
     * Each sample's report renders and opens, and shows the part of the report the sample exercises. The
     * recordings are those the analyzer's tests made earlier in the build; run alone, this test records the samples
     * with expectations itself.
     */
    @Test
    void sampleReportsOpenInABrowser() throws Exception {
        Chromium chromium = Chromium.require();
        Map<String, String> expected = Map.of(
                "pool-jdk17", "Tasks queued (most seen in each second)",
                "spawnstorm-jdk17", "spawned",
                "churn-jdk17", "started threads by name",
                "deadlock-jdk17", "TS104",
                "herd-jdk17", "TS105",
                "pinning-jdk25", "Virtual threads");
        List<Path> recordings = analyzerRecordings();
        if (recordings.isEmpty()) {
            recordings = new ArrayList<>();
            for (String name : expected.keySet()) {
                String[] sampleAndJdk = name.split("-jdk");
                recordings.add(SampleRecording.of(Jdks.require(Integer.parseInt(sampleAndJdk[1])), sampleAndJdk[0])
                        .file());
            }
        }
        Path dir = Files.createDirectories(output().resolve("samples"));
        List<Path> htmls = new ArrayList<>();
        for (Path file : recordings) {
            htmls.add(render(file, dir.resolve(file.getFileName().toString().replace(".jfr", ".html"))));
        }
        List<String> doms = chromium.dumpDoms(htmls);
        for (int i = 0; i < htmls.size(); i++) {
            Path html = htmls.get(i);
            assertOpenedCleanly(doms.get(i), html);
            String name = html.getFileName().toString().replace(".html", "");
            if (expected.containsKey(name)) {
                assertTrue(doms.get(i).contains(expected.get(name)), () -> "'" + expected.get(name) + "' missing from "
                        + html);
            }
        }
        assertTrue(htmls.stream().map(h -> h.getFileName().toString().replace(".html", "")).toList()
                .containsAll(expected.keySet()), () -> "samples missing among " + htmls);
    }

    private static List<Path> analyzerRecordings() throws java.io.IOException {
        Path recordings = Path.of(System.getProperty("turnstile.analyzer.recordings", "../analyzer/target/"
                + "test-recordings"));
        try (Stream<Path> list = Files.isDirectory(recordings) ? Files.list(recordings) : Stream.empty()) {
            return list.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
    }

    @Test
    void namesAndCommandLinesWithMarkupStayText() throws Exception {
        Chromium chromium = Chromium.require();
        Jdk jdk = Jdks.require(17);
        Path dir = Files.createTempDirectory(output(), "hostile");
        Path testClasses = Path.of(HostileNamesProgram.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        Command.Outcome outcome = Turnstile.on(jdk, "run", "-o", dir, "--", jdk.java(), "-cp", testClasses,
                HostileNamesProgram.class.getName());
        assertEquals(0, outcome.exitCode(), outcome::describe);
        Path html = htmlReport(outcome);
        String raw = Files.readString(html);
        assertFalse(raw.contains(HostileNamesProgram.SCRIPT_THREAD), "a thread name became markup");
        assertFalse(raw.contains(HostileNamesProgram.IMG_ARGUMENT), "a command line became markup");
        assertFalse(raw.contains("<img"), "an img element");
        assertTrue(raw.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the thread's name, as text");
        assertTrue(raw.contains("&lt;img src=x onerror=alert(1)&gt;"), "the command line, as text");

        String dom = chromium.dumpDom(html);
        assertOpenedCleanly(dom, html);
        String page = withoutFrames(dom);
        assertFalse(page.contains("<img"), "an img element in the browser's DOM");
        assertFalse(page.contains("<script>alert"), "a script element in the browser's DOM");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown as text");
    }

    /** The report's script finished (it marks the body) and reported no error (window.onerror would have). */
    private static void assertOpenedCleanly(String dom, Path html) {
        Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
        assertTrue(body.find(), () -> "no body in " + html);
        assertTrue(body.group().contains("data-report-ready=\"true\""), () -> "the report's script did not finish: "
                + html + ": " + errors(dom));
        assertFalse(body.group().contains("data-script-errors"), () -> "script errors in " + html + ": " + errors(dom));
        for (String section : SECTIONS) {
            assertTrue(dom.contains("<section id=\"" + section + "\">"), () -> section + " missing from " + html);
        }
    }

    private static String errors(String dom) {
        int at = dom.indexOf("id=\"script-errors\"");
        return at < 0 ? "?" : dom.substring(at, Math.min(dom.length(), at + 500));
    }

    /** The flame graphs' pages are attribute values; what matters is the report's own DOM. */
    private static String withoutFrames(String dom) {
        return dom.replaceAll("srcdoc=\"[^\"]*\"", "srcdoc=\"\"");
    }

    private static Path htmlReport(Command.Outcome outcome) {
        Matcher m = HTML_LINE.matcher(outcome.stderr());
        assertTrue(m.find(), () -> "no 'HTML report' line\n" + outcome.describe());
        Path html = Path.of(m.group(1));
        assertTrue(Files.isRegularFile(html), html + " does not exist");
        return html;
    }

    private static Path render(Path recording, Path html) throws Exception {
        try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            Report.of(Report.Format.HTML, "test").write(new Analyzer().analyze(recording), out);
        }
        return html;
    }
}
