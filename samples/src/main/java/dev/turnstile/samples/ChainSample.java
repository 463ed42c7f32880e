package dev.turnstile.samples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A chain of waiting: a front thread waits for the registry monitor, held by a middle thread that is itself waiting
 * for the journal lock, held by a back thread that sleeps 50 ms while holding it (a slow disk, say). Each round
 * builds the chain in that order, so the front thread's wait is explained only by following it two hops: front ->
 * middle (blocked on the journal) -> back (sleeping).
 */
public final class ChainSample {
    static final long SLEEP_MILLIS = 50;

    /** The monitor the front thread waits for. */
    static final class Registry {
        long entries;
    }

    /** The lock the middle thread waits for. */
    static final class Journal {
        final ReentrantLock lock = new ReentrantLock();
        long records;
    }

    private ChainSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 1);
        Registry registry = new Registry();
        Journal journal = new Journal();
        long deadline = System.nanoTime() + options.nanos();
        int rounds = 0;
        while (System.nanoTime() < deadline) {
            round(registry, journal);
            rounds++;
        }
        new Truth("chain")
                .put("rounds", rounds)
                .put("front", "chain-front")
                .put("middle", "chain-middle")
                .put("back", "chain-back")
                .put("frontLock", Registry.class.getName())
                .put("middleLock", ReentrantLock.class.getName())
                .put("end", "sleeping")
                .put("sleepMillis", SLEEP_MILLIS)
                .print();
    }

    private static void round(Registry registry, Journal journal) throws InterruptedException {
        CountDownLatch journalHeld = new CountDownLatch(1);
        CountDownLatch registryHeld = new CountDownLatch(1);
        Thread back = new Thread(() -> writeSlowly(journal, journalHeld), "chain-back");
        Thread middle = new Thread(() -> register(registry, journal, journalHeld, registryHeld), "chain-middle");
        Thread front = new Thread(() -> lookUp(registry, registryHeld), "chain-front");
        back.start();
        middle.start();
        front.start();
        back.join();
        middle.join();
        front.join();
    }

    static void writeSlowly(Journal journal, CountDownLatch journalHeld) {
        journal.lock.lock();
        try {
            journalHeld.countDown();
            Thread.sleep(SLEEP_MILLIS);
            journal.records++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            journal.lock.unlock();
        }
    }

    static void register(Registry registry, Journal journal, CountDownLatch journalHeld,
                         CountDownLatch registryHeld) {
        awaitQuietly(journalHeld);
        synchronized (registry) {
            registryHeld.countDown();
            journal.lock.lock();
            try {
                registry.entries++;
            } finally {
                journal.lock.unlock();
            }
        }
    }

    static void lookUp(Registry registry, CountDownLatch registryHeld) {
        awaitQuietly(registryHeld);
        synchronized (registry) {
            registry.entries++;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
