package dev.turnstile.junit.examples;

import dev.turnstile.junit.ConcurrencyBudget;
import org.junit.jupiter.api.Test;

/** Budgets the extension must refuse before the body runs. Run through EngineTestKit. */
public class MisconfiguredExample {
    public static volatile boolean bodyRan;

    @Test
    @ConcurrencyBudget(forbid = "TS999")
    void unknownFinding() {
        bodyRan = true;
    }

    @Test
    @ConcurrencyBudget(rules = "no-such-rules.yaml")
    void missingRulesFile() {
        bodyRan = true;
    }

    @Test
    @ConcurrencyBudget
    void noBudget() {
        bodyRan = true;
    }

    @Test
    @ConcurrencyBudget(maxLockBusy = "5ms")
    void durationOnAShare() {
        bodyRan = true;
    }
}
