package dev.turnstile.junit.examples;

import dev.turnstile.junit.ConcurrencyBudget;
import org.junit.jupiter.api.Test;

/**
 * GlobalLockExample fixed: each worker works on a ledger of its own, so no thread waits for another. The same budgets
 * must pass. Run through EngineTestKit by the module's tests.
 */
@ConcurrencyBudget(forbid = "TS101", maxLockBusy = "5%", lock = "dev.turnstile.junit.examples.*")
public class PerThreadExample {
    static final class Ledger {
        private long total;

        synchronized void add(long nanos) {
            total += Work.burn(nanos);
        }
    }

    @Test
    void eachThreadItsOwnLock() throws InterruptedException {
        Work.inParallel(i -> {
            Ledger own = new Ledger();
            return () -> own.add(1_000_000);
        });
    }
}
