package dev.turnstile.junit.examples;

import dev.turnstile.junit.ConcurrencyBudget;
import org.junit.jupiter.api.Test;

/** A budget from a rules file on the test classpath, with reports asked for. Run through EngineTestKit. */
public class RulesFileExample {
    @Test
    @ConcurrencyBudget(rules = "example-rules.yaml", reports = true)
    void globalLock() throws InterruptedException {
        GlobalLockExample.everyoneThroughOneLock();
    }
}
