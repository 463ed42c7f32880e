package dev.turnstile.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnstile.junit.examples.GlobalLockExample;
import dev.turnstile.junit.examples.MisconfiguredExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Surefire runs this JVM without the agent: budgeted tests must fail with the one line that says how to add it. */
class BudgetWithoutAgentTest {
    @Test
    void budgetedTestsSayHowToAddTheAgent() {
        Outcomes outcomes = Outcomes.of(GlobalLockExample.class);
        for (String test : new String[] {"forbidsSerialisation", "limitsLockBusy"}) {
            Throwable failure = outcomes.failure(test);
            assertInstanceOf(ExtensionConfigurationException.class, failure);
            assertEquals(TurnstileExtension.NO_AGENT, failure.getMessage());
            assertFalse(failure.getMessage().contains("\n"), "one line");
            assertTrue(failure.getMessage().contains("-javaagent:"), failure.getMessage());
        }
    }

    @Test
    void badBudgetsFailBeforeTheBodyRuns() {
        MisconfiguredExample.bodyRan = false;
        Outcomes outcomes = Outcomes.of(MisconfiguredExample.class);
        assertMessage(outcomes, "unknownFinding", "unknown finding id 'TS999'");
        assertMessage(outcomes, "missingRulesFile", "no-such-rules.yaml: no such rules file");
        assertMessage(outcomes, "noBudget", "sets no budget");
        assertMessage(outcomes, "durationOnAShare", "@ConcurrencyBudget on");
        assertFalse(MisconfiguredExample.bodyRan, "no body runs under a budget the extension cannot read");
    }

    private static void assertMessage(Outcomes outcomes, String test, String expected) {
        Throwable failure = outcomes.failure(test);
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains(expected), test + ": " + failure.getMessage());
        assertTrue(failure.getMessage().contains("MisconfiguredExample") || test.equals("missingRulesFile"),
                "names the test: " + failure.getMessage());
    }
}
