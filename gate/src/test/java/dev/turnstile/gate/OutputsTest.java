package dev.turnstile.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML as Surefire writes it, and Markdown that names from recordings cannot break. */
class OutputsTest {
    private static final String HOSTILE = "evil|<script>alert(1)</script>*_[x](y)\u0001";

    private static GateResult result() throws Exception {
        RunReport run = Runs.run().lock(HOSTILE, "a.B.c:1", 90_000_000, 0.5)
                .lock("com.example.Fine", "a.B.d:2", 1_000_000, 0.01).as("run.jfr");
        return new Gate(GateRules.parse("""
                forbid: [TS104]
                limits:
                  - metric: locks.waitNanos
                    max: 10ms
                  - metric: pools.utilisation
                    max: 90%
                """, "r")).evaluate(List.of(run), List.of());
    }

    @Test
    void junitXmlHasOneTestcasePerRuleAndSubject() throws Exception {
        StringWriter out = new StringWriter();
        JUnitXml.write(result(), out);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("errors"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element failed = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            assertFalse(testcase.getAttribute("classname").isEmpty());
            if (testcase.getElementsByTagName("failure").getLength() > 0) {
                failed = testcase;
            }
        }
        assertTrue(failed != null);
        assertEquals("locks.waitNanos <= 10 ms", failed.getAttribute("classname"));
        assertTrue(failed.getAttribute("name").startsWith("lock evil|<script>"), failed.getAttribute("name"));
        assertTrue(failed.getAttribute("name").contains("\uFFFD"), "a control character cannot go into XML 1.0");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("measured 90 ms > limit 10 ms"));
        assertEquals(1, suite.getElementsByTagName("skipped").getLength());
    }

    @Test
    void markdownEscapesNamesFromTheRecording() throws Exception {
        StringWriter out = new StringWriter();
        GateSummary.write(result(), new PrintWriter(out));
        String md = out.toString();
        assertTrue(md.startsWith("## Turnstile gate: FAILED"), md);
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("evil\\|&lt;script&gt;alert(1)&lt;/script&gt;\\*\\_\\[x\\](y)"), md);
        String row = md.lines().filter(l -> l.startsWith("| **failed**")).findFirst().orElseThrow();
        assertEquals(9, row.split("(?<!\\\\)\\|", -1).length, "a hostile name cannot add a table cell: " + row);
        assertEquals("a &lt;b&gt; \\| c", Markdown.escape("a <b> | c"));
    }

    @Test
    void textPutsFailuresFirstAndEndsWithTheVerdict() throws Exception {
        StringWriter out = new StringWriter();
        GateText.write(result(), new PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("FAIL  locks.waitNanos <= 10 ms: lock evil"), lines.get(0));
        assertEquals("gate FAILED: 1 of 4 checks failed (1 skipped) on 1 run", lines.get(lines.size() - 1));
    }
}
