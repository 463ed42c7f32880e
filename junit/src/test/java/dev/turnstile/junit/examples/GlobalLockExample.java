package dev.turnstile.junit.examples;

import dev.turnstile.junit.ConcurrencyBudget;
import org.junit.jupiter.api.Test;

/**
 * Run by the junit module's tests through EngineTestKit, not by Maven directly (no Test or IT in the name). Every
 * worker does all its work inside one {@code synchronized} method of one shared object: a global lock, which the
 * budgets below must catch.
 */
public class GlobalLockExample {
    /** The shared object every worker must hold to work. */
    static final class Ledger {
        private long total;

        synchronized void add(long nanos) {
            total += Work.burn(nanos);
        }
    }

    private static final Ledger LEDGER = new Ledger();

    static void everyoneThroughOneLock() throws InterruptedException {
        Work.inParallel(i -> () -> LEDGER.add(1_000_000));
    }

    @Test
    @ConcurrencyBudget(forbid = "TS101")
    void forbidsSerialisation() throws InterruptedException {
        everyoneThroughOneLock();
    }

    @Test
    @ConcurrencyBudget(maxLockBusy = "5%", lock = "dev.turnstile.junit.examples.*")
    void limitsLockBusy() throws InterruptedException {
        everyoneThroughOneLock();
    }
}
