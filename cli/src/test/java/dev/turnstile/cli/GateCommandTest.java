package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gate and diff in-process: every kind of bad input is one line on stderr and exit code 2. */
class GateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int turnstile(Object... args) {
        String[] strings = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), strings);
    }

    private void assertInputError(String expected, Object... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(2, turnstile(args), err::toString);
        String text = err.toString();
        assertEquals(1, text.lines().count(), () -> "one line expected: " + text);
        assertTrue(text.startsWith("turnstile: "), text);
        assertTrue(text.contains(expected), () -> "'" + expected + "' not in: " + text);
        assertFalse(text.contains("Exception"), text);
        assertEquals("", out.toString());
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void badRulesAndBadRunsAreInputErrors() throws Exception {
        Path rules = file("rules.yaml", "forbid: [TS104]\n");
        Path report = file("report.json", "{\"schemaVersion\": 1, \"tool\": {\"name\": \"turnstile\"}, \"findings\": []}");

        assertInputError("unknown metric 'locks.wait'", "gate", report, "--rules",
                file("metric.yaml", "limits:\n  - metric: locks.wait\n    max: 1s\n"));
        assertInputError("not valid YAML at line", "gate", report, "--rules", file("bad.yaml", "forbid: [TS101\n"));
        assertInputError("unknown finding id 'TS9'", "gate", report, "--rules", file("id.yaml", "forbid: [TS9]\n"));
        assertInputError("no such rules file", "gate", report, "--rules", dir.resolve("none.yaml"));
        assertInputError("Missing required option: '--rules", "gate", report);
        assertInputError("Missing required parameter", "gate", "--rules", rules);
        assertInputError("no such file", "gate", dir.resolve("none.jfr"), "--rules", rules);
        assertInputError("is empty", "gate", file("empty.jfr", ""), "--rules", rules);
        assertInputError("is neither a JFR recording nor a Turnstile JSON report", "gate",
                file("notes.txt", "hello"), "--rules", rules);
        assertInputError("is a directory", "gate", dir, "--rules", rules);
        assertInputError("is JSON but not a Turnstile report", "gate", file("other.json", "{\"a\": 1}"),
                "--rules", rules);
        assertInputError("is not valid JSON", "gate", file("cut.json", "{\"schemaVersion\": "), "--rules", rules);
        assertInputError("schema version 7", "gate", file("v7.json", "{\"schemaVersion\": 7, \"tool\": {\"name\":"
                + " \"turnstile\"}}"), "--rules", rules);
        assertInputError("no such file", "gate", report, "--rules", rules, "--baseline", dir.resolve("none.json"));
        assertInputError("unknown format 'html'", "diff", report, report, "--format", "html");
        assertInputError("no such file", "diff", report, dir.resolve("none.jfr"));
    }

    @Test
    void aPassingAndAFailingGateOnReports() throws Exception {
        Path clean = file("clean.json", "{\"schemaVersion\": 1, \"tool\": {\"name\": \"turnstile\"}, \"findings\": []}");
        Path deadlocked = file("deadlock.json", """
                {"schemaVersion": 1, "tool": {"name": "turnstile"}, "findings": [{"id": "TS104",
                 "title": "Deadlock: 2 threads", "subject": {"kind": "deadlock", "name": "a, b", "site": null}}]}""");
        Path rules = file("rules.yaml", "forbid: [TS104]\n");
        Path xml = dir.resolve("gate.xml");
        assertEquals(0, turnstile("gate", clean, "--rules", rules, "--junit-xml", xml), err::toString);
        assertTrue(out.toString().contains("gate passed: 1 checks on 1 run"), out.toString());
        assertTrue(Files.readString(xml).contains("failures=\"0\""));
        out.getBuffer().setLength(0);
        Path md = dir.resolve("summary.md");
        assertEquals(1, turnstile("gate", clean, deadlocked, "--rules", rules, "--summary", md), err::toString);
        assertTrue(out.toString().contains("FAIL  TS104 found in 1 of 2 runs: Deadlock: 2 threads"), out.toString());
        assertTrue(Files.readString(md).startsWith("## Turnstile gate: FAILED"));
    }
}
