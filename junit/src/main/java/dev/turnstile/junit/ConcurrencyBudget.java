package dev.turnstile.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A concurrency budget for a test: its body is recorded under the Turnstile agent, analyzed, and judged by the gate
 * (docs/gate.md); the test fails with the gate's message when the budget is exceeded. On a class, every test method of
 * the class gets the budget, each judged on its own recording; an annotation on a method replaces the class's.
 *
 * <pre>{@code
 * @ConcurrencyBudget(forbid = "TS101", maxLockBusy = "5%", lock = "com.example.*")
 * @Test
 * void placesOrdersInParallel() { ... }
 *
 * @ConcurrencyBudget(rules = "turnstile-rules.yaml")   // a classpath resource, else a file
 * }</pre>
 *
 * The test JVM must run with the agent ({@code -javaagent:turnstile-agent.jar} in Surefire's {@code argLine}); see
 * docs/junit.md.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(TurnstileExtension.class)
public @interface ConcurrencyBudget {
    /**
     * A rules file in the gate's format: a resource on the test classpath, else a path (relative to the working
     * directory, which Surefire sets to the module's folder). Its rules add to the ones given inline.
     */
    String rules() default "";

    /** Finding ids that must not appear, e.g. {@code "TS101"} (GIL-style serialisation), {@code "TS104"} (deadlock). */
    String[] forbid() default {};

    /**
     * The most any one lock may be busy: the share of the test body's time at least one thread was queued on it
     * ({@code locks.busy}), as a percentage ({@code "5%"}) or a fraction ({@code "0.05"}).
     */
    String maxLockBusy() default "";

    /** The most time threads may wait for any one lock in all ({@code locks.waitNanos}), e.g. {@code "50ms"}. */
    String maxLockWait() default "";

    /**
     * Which locks {@link #maxLockBusy} and {@link #maxLockWait} apply to, by class name with {@code *} and {@code ?}
     * (e.g. {@code "com.example.*"}); every lock by default, the JDK's and the libraries' included.
     */
    String lock() default "";

    /** Also write the verdict as JUnit XML and Markdown beside the recording ({@code NAME.gate.xml}, {@code NAME.gate.md}). */
    boolean reports() default false;
}
