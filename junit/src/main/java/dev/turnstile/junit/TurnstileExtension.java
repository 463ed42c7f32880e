package dev.turnstile.junit;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.RecordingException;
import dev.turnstile.gate.Check;
import dev.turnstile.gate.Gate;
import dev.turnstile.gate.GateException;
import dev.turnstile.gate.GateResult;
import dev.turnstile.gate.GateRules;
import dev.turnstile.gate.GateSummary;
import dev.turnstile.gate.GateText;
import dev.turnstile.gate.JUnitXml;
import dev.turnstile.gate.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jfr.Recording;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Records the body of each test that has a {@link ConcurrencyBudget} (not its {@code @BeforeEach} or
 * {@code @AfterEach}), analyzes the recording and judges it with the gate: over budget, the test fails with the gate's
 * message. Registered by {@code @ConcurrencyBudget} itself.
 *
 * <p>The test JVM must run with the Turnstile agent: the agent's instrumentation writes the lock events, and the
 * extension records them with the agent's settings. Without the agent a budgeted test fails with one line saying how
 * to add it. Each recording is kept as {@code target/turnstile/CLASS.METHOD.jfr} (system property
 * {@code turnstile.junit.output} for another folder).
 */
public final class TurnstileExtension implements InvocationInterceptor {
    /** System property: the folder for recordings and reports (default target/turnstile). */
    static final String OUTPUT_PROPERTY = "turnstile.junit.output";

    static final String NO_AGENT = "@ConcurrencyBudget needs the Turnstile agent in the test JVM: add"
            + " -javaagent:/path/to/turnstile-agent.jar=file=target/turnstile/tests.jfr to Surefire's argLine"
            + " (see docs/junit.md)";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        judged(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        judged(invocation, context);
    }

    private void judged(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Optional<ConcurrencyBudget> budget = budgetOf(context);
        if (budget.isEmpty()) {
            invocation.proceed();
            return;
        }
        String name = TestNames.of(context);
        List<GateRules> rules;
        try {
            // before the body runs: a mistake in the budget is reported without waiting for the test
            rules = Budget.rules(budget.get(), name, context.getRequiredTestClass().getClassLoader());
        } catch (GateException e) {
            throw new ExtensionConfigurationException(e.getMessage());
        }
        Recording agent = TestRecording.agentRecording()
                .orElseThrow(() -> new ExtensionConfigurationException(NO_AGENT));
        Duration timeout = Bounded.timeout();
        Path file = outputFolder().resolve(name + ".jfr");
        TestRecording recording = TestRecording.start(agent, name, file, timeout);
        recording.bodyStarts(context.getUniqueId());
        try {
            invocation.proceed();
        } catch (Throwable bodyFailed) {
            // the test's own failure comes first; the recording is still kept for a look
            recording.bodyEnded();
            try {
                recording.stop(timeout);
            } catch (RuntimeException e) {
                bodyFailed.addSuppressed(e);
            }
            throw bodyFailed;
        }
        recording.bodyEnded();
        recording.stop(timeout);
        GateResult result = Bounded.call("analyzing " + file, timeout, () -> judge(file, rules));
        if (budget.get().reports()) {
            writeReports(result, file);
        }
        if (!result.passed()) {
            throw new AssertionFailedError(message(result, file));
        }
    }

    /** The method's own budget, else its class's (or an enclosing class's, for {@code @Nested} tests). */
    private static Optional<ConcurrencyBudget> budgetOf(ExtensionContext context) {
        Optional<ConcurrencyBudget> onMethod = AnnotationSupport.findAnnotation(context.getTestMethod(),
                ConcurrencyBudget.class);
        if (onMethod.isPresent()) {
            return onMethod;
        }
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<ConcurrencyBudget> onClass = AnnotationSupport.findAnnotation(type, ConcurrencyBudget.class);
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }

    private static GateResult judge(Path file, List<GateRules> rules) throws RecordingException {
        RunReport run = RunReport.of(new Analyzer().analyze(file), version());
        List<Check> checks = new ArrayList<>();
        for (GateRules ruleSet : rules) {
            checks.addAll(new Gate(ruleSet).evaluate(List.of(run), List.of()).checks());
        }
        return new GateResult(checks, List.of(run.source()), List.of());
    }

    /** The verdict's line, each failure on a line of its own, and where the recording is. */
    static String message(GateResult result, Path file) {
        StringBuilder message = new StringBuilder("Turnstile: concurrency budget exceeded (")
                .append(GateText.verdict(result)).append(")");
        for (Check failure : result.failures()) {
            message.append("\n  ").append(failure.message().replaceAll("[\\r\\n\\t]+", " "));
        }
        return message.append("\n  recording: ").append(file.toAbsolutePath())
                .append(" (turnstile report it for the whole report)").toString();
    }

    private static void writeReports(GateResult result, Path recording) throws IOException {
        String base = recording.getFileName().toString().replaceAll("\\.jfr$", "");
        try (Writer out = Files.newBufferedWriter(recording.resolveSibling(base + ".gate.xml"),
                StandardCharsets.UTF_8)) {
            JUnitXml.write(result, out);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(recording.resolveSibling(base + ".gate.md"),
                StandardCharsets.UTF_8))) {
            GateSummary.write(result, out);
        }
    }

    static Path outputFolder() {
        String folder = System.getProperty(OUTPUT_PROPERTY);
        return Path.of(folder == null || folder.isBlank() ? "target/turnstile" : folder);
    }

    private static String version() {
        String version = TurnstileExtension.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }
}
