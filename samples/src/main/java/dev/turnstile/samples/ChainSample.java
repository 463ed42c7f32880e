package dev.turnstile.samples;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A chain of waiting: a front thread waits for the registry monitor, held by a middle thread that is itself waiting
 * for the journal lock, held by a back thread that sleeps 50 ms while holding it (a slow disk, say). Each round builds
 * the chain in that order, so the front thread's wait is explained only by following it two hops: front -> middle
 * (blocked on the journal) -> back (sleeping). The three threads live through all rounds.
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

    /** What orders one round: the back thread holds the journal before the middle one takes the registry, and so on. */
    static final class Round {
        final CountDownLatch journalHeld = new CountDownLatch(1);
        final CountDownLatch registryHeld = new CountDownLatch(1);
    }

    private static volatile Round round;
    private static volatile boolean stopping;

    private ChainSample() {
    }

    public static void main(String[] args) throws Exception {
        SampleOptions options = SampleOptions.parse(args, 3.0, 1);
        Registry registry = new Registry();
        Journal journal = new Journal();
        CyclicBarrier start = new CyclicBarrier(4);
        CyclicBarrier end = new CyclicBarrier(4);
        Thread[] threads = {
            new Thread(() -> rounds(start, end, () -> writeSlowly(journal)), "chain-back"),
            new Thread(() -> rounds(start, end, () -> register(registry, journal)), "chain-middle"),
            new Thread(() -> rounds(start, end, () -> lookUp(registry)), "chain-front")
        };
        for (Thread thread : threads) {
            thread.start();
        }
        long deadline = System.nanoTime() + options.nanos();
        int rounds = 0;
        while (System.nanoTime() < deadline) {
            round = new Round();
            start.await();
            end.await();
            rounds++;
        }
        stopping = true;
        start.await();
        for (Thread thread : threads) {
            thread.join();
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

    private static void rounds(CyclicBarrier start, CyclicBarrier end, Runnable part) {
        try {
            while (true) {
                start.await();
                if (stopping) {
                    return;
                }
                part.run();
                end.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void writeSlowly(Journal journal) {
        journal.lock.lock();
        try {
            round.journalHeld.countDown();
            Thread.sleep(SLEEP_MILLIS);
            journal.records++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            journal.lock.unlock();
        }
    }

    static void register(Registry registry, Journal journal) {
        awaitQuietly(round.journalHeld);
        synchronized (registry) {
            round.registryHeld.countDown();
            journal.lock.lock();
            try {
                registry.entries++;
            } finally {
                journal.lock.unlock();
            }
        }
    }

    static void lookUp(Registry registry) {
        awaitQuietly(round.registryHeld);
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
