package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.gate.RunReport;
import dev.turnstile.reports.Report;
import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import dev.turnstile.testkit.SampleRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * turnstile gate and diff as CI runs them, on real recordings: the gil and parallel samples against one rules file,
 * and the service sample (whose request threads hold one lock while sleeping, so its numbers hold up on a busy
 * machine) against a baseline of its own runs, the same and with the lock held five times as long. The recordings
 * are made once and shared by the tests; some are turned into JSON reports so both kinds of input are judged.
 */
class GateIT {
    private static final double SECONDS = 1.0;
    private static final String LEDGER = "dev.turnstile.samples.ServiceSample$Ledger.record";

    private static Jdk jdk;
    private static Path dir;
    private static Path parallel;
    private static Path gilJson;
    private static final List<Path> BASE = new ArrayList<>();
    private static final List<Path> SLOW = new ArrayList<>();

    @BeforeAll
    static void record() throws Exception {
        jdk = Jdks.require(17);
        dir = Files.createTempDirectory(Artifacts.outputDirectory(), "gate");
        parallel = SampleRecording.of(jdk, "parallel").file();
        gilJson = json(SampleRecording.of(jdk, "gil").file());
        for (int run = 1; run <= 4; run++) {
            Path file = SampleRecording.withArgs(jdk, "service", "gate-base-" + run, SECONDS).file();
            BASE.add(run <= 2 ? json(file) : file);
        }
        for (int run = 1; run <= 3; run++) {
            SLOW.add(SampleRecording.withArgs(jdk, "service", "gate-slow-" + run, SECONDS, "--hold-ms", "10").file());
        }
    }

    /** The JSON report of a recording, as {@code turnstile analyze FILE --format json -o OUT} writes it. */
    private static Path json(Path recording) throws Exception {
        Path out = dir.resolve(recording.getFileName().toString().replace(".jfr", ".json"));
        Reporting.writeFile(new Analyzer().analyze(recording), Report.Format.JSON, out);
        return out;
    }

    private static Path rules(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static Command.Outcome turnstile(Object... args) {
        return Turnstile.on(jdk, args);
    }

    private static final String SERIALISATION_RULES = """
            forbid:
              - TS101   # GIL-style serialisation
              - TS102   # hot lock
              - TS104   # deadlock
            limits:
              - name: our locks are rarely queued on
                metric: locks.busy
                lock: "dev.turnstile.*"
                max: 10%
              - metric: pools.queueWait.p99Nanos
                max: 50ms
            """;

    @Test
    void rulesPassOnTheParallelSampleAndFailOnGil() throws Exception {
        Path rules = rules("serialisation.yaml", SERIALISATION_RULES);
        Path xml = dir.resolve("parallel.xml");
        Path summary = dir.resolve("parallel.md");
        Command.Outcome passed = turnstile("gate", parallel, "--rules", rules, "--junit-xml", xml, "--summary", summary);
        assertEquals(0, passed.exitCode(), passed::describe);
        assertTrue(passed.stdout().contains("gate passed: "), passed::describe);
        assertTrue(Files.readString(summary).startsWith("## Turnstile gate: passed"));
        assertEquals("0", suite(xml).getAttribute("failures"));

        Path failedXml = dir.resolve("gil.xml");
        Command.Outcome failed = turnstile("gate", gilJson, "--rules", rules, "--junit-xml", failedXml);
        assertEquals(1, failed.exitCode(), failed::describe);
        assertTrue(failed.stdout().contains("FAIL  our locks are rarely queued on: lock"
                + " dev.turnstile.samples.GilSample$Interpreter at dev.turnstile.samples.GilSample$Interpreter.execute"),
                failed::describe);
        assertTrue(failed.stdout().contains("> limit 10 %"), failed::describe);
        assertTrue(failed.stdout().contains("gate FAILED: "), failed::describe);
        Element suite = suite(failedXml);
        assertTrue(Integer.parseInt(suite.getAttribute("failures")) >= 1, failed::describe);
        assertEquals(suite.getAttribute("tests"), String.valueOf(suite.getElementsByTagName("testcase").getLength()));
    }

    private static final String BASELINE_RULES = """
            limits:
              - name: ledger lock hold
                metric: locks.meanHoldNanos
                site: "dev.turnstile.samples.ServiceSample$Ledger.record*"
                maxIncrease: 25%
                minEffect: 1ms
            significance:
              test: mann-whitney
              alpha: 0.05
            """;

    @Test
    void repeatedRunsPassAgainstTheirBaseline() throws Exception {
        Path rules = rules("baseline.yaml", BASELINE_RULES);
        Command.Outcome outcome = turnstile("gate", BASE.get(2), BASE.get(3), "--rules", rules, "--baseline",
                BASE.get(0), BASE.get(1));
        assertEquals(0, outcome.exitCode(), outcome::describe);
        // judged, not skipped: the lock was found in every run although its identity differs from run to run
        assertTrue(outcome.stdout().contains("pass  ledger lock hold: lock java.util.concurrent.locks.ReentrantLock at "
                + LEDGER), outcome::describe);
        assertTrue(outcome.stdout().contains("(median of 2 runs) vs baseline "), outcome::describe);
        assertTrue(outcome.stdout().contains("gate passed: 1 checks on 2 runs against 2 baseline runs"),
                outcome::describe);
    }

    @Test
    void aLockHeldLongerFailsWithTheBaselineAndTheTestsPValue() throws Exception {
        Path rules = rules("baseline.yaml", BASELINE_RULES);
        List<Object> args = new ArrayList<>(List.of("gate"));
        args.addAll(SLOW);
        args.addAll(List.of("--rules", rules, "--baseline"));
        args.addAll(BASE);
        Command.Outcome outcome = turnstile(args.toArray());
        assertEquals(1, outcome.exitCode(), outcome::describe);
        String line = outcome.stdout().lines().filter(l -> l.startsWith("FAIL  ledger lock hold: ")).findFirst()
                .orElseThrow(() -> new AssertionError(outcome.describe()));
        assertTrue(line.contains("lock java.util.concurrent.locks.ReentrantLock at " + LEDGER), line);
        assertTrue(line.contains("(median of 3 runs) vs baseline "), line);
        assertTrue(line.contains("(median of 4 runs)"), line);
        // every slow run above every baseline run: the exact one-sided p-value is 1 / C(7, 3) = 1/35
        assertTrue(line.contains("Mann-Whitney U p=0.029 <= 0.05"), line);
    }

    @Test
    void diffShowsTheLongerHoldAsWorse() {
        Command.Outcome text = turnstile("diff", BASE.get(0), SLOW.get(0));
        assertEquals(0, text.exitCode(), text::describe);
        String worse = text.stdout().substring(text.stdout().indexOf("Worse:"));
        assertTrue(worse.lines().anyMatch(l -> l.contains(LEDGER) && l.contains("locks.meanHoldNanos")),
                text::describe);
        Command.Outcome md = turnstile("diff", BASE.get(0), SLOW.get(0), "--format", "md");
        assertEquals(0, md.exitCode(), md::describe);
        assertTrue(md.stdout().contains("| **worse** | lock java.util.concurrent.locks.ReentrantLock at"
                + " dev.turnstile.samples.ServiceSample$Ledger.record"), md::describe);
    }

    @Test
    void badRulesAreAnInputErrorInTheRealProcess() throws Exception {
        Path rules = rules("typo.yaml", "limits:\n  - metric: pools.queueWait.p99\n    max: 50ms\n");
        Turnstile.assertInputError(turnstile("gate", parallel, "--rules", rules), "unknown metric 'pools.queueWait.p99'");
    }

    /** The gate's list of metrics is the JSON report's: every one is there in real reports that have the subject. */
    @Test
    void everyMetricRulesCanNameIsInRealReports() throws Exception {
        Analyzer analyzer = new Analyzer();
        for (Path run : List.of(parallel, gilJson, BASE.get(0), SLOW.get(0))) {
            RunReport report = RunReport.load(run, analyzer, "test");
            assertEquals(List.of(), report.metricsMissing(), run.toString());
        }
    }

    private static Element suite(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    }
}
