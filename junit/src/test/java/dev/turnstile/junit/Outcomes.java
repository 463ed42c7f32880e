package dev.turnstile.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs an example test class with the Jupiter engine in this JVM and keeps each test's result by method name. */
final class Outcomes {
    private final Map<String, TestExecutionResult> byTest = new LinkedHashMap<>();

    private Outcomes(Class<?> examples) {
        for (Event event : EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(examples))
                .execute()
                .testEvents()
                .list()) {
            if (event.getType() == EventType.FINISHED) {
                String name = event.getTestDescriptor().getDisplayName().replace("()", "");
                byTest.put(name, event.getRequiredPayload(TestExecutionResult.class));
            }
        }
    }

    static Outcomes of(Class<?> examples) {
        return new Outcomes(examples);
    }

    TestExecutionResult of(String test) {
        TestExecutionResult result = byTest.get(test);
        assertTrue(result != null, "no result for " + test + " in " + byTest.keySet());
        return result;
    }

    /** The failure of a test that must have failed. */
    Throwable failure(String test) {
        TestExecutionResult result = of(test);
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), test + " should have failed: " + result);
        return result.getThrowable().orElseThrow();
    }

    void assertSucceeded(String test) {
        TestExecutionResult result = of(test);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus(), () -> test + " should have passed: "
                + result.getThrowable().map(Throwable::getMessage).orElse(""));
    }
}
