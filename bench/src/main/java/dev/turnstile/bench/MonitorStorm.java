package dev.turnstile.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Heavy {@code synchronized} contention, for a recording in which the JDK's {@code jdk.JavaMonitorEnter} events are
 * most of the file (the kind {@code jfr view contention-by-site} and JMC's blocking rule read). 64 threads take 16
 * monitors in random order, at four sites (four methods, each with monitors of a class of its own), 20 frames deep.
 * Each holder keeps its monitor for about a millisecond, so whoever comes next blocks: one event per acquisition.
 *
 * <p>The holder waits in {@link Selector#select(long)} with nothing registered: a wait the JDK records no event for,
 * so the file holds the waiters' events and not also one per hold (as {@code Thread.sleep} or a park would add at
 * threshold 0), and one that needs no CPU, so the contention does not depend on how busy the machine is.
 *
 * <pre>java -javaagent:turnstile-agent.jar=threshold=0,file=monitors.jfr -cp benchmarks.jar dev.turnstile.bench.MonitorStorm SECONDS</pre>
 */
public final class MonitorStorm {
    private static final int THREADS = 64;
    private static final int PER_SITE = 4;
    private static final int DEPTH = 20;
    private static final long HOLD_MILLIS = 1;
    private static final Ledger[] LEDGERS = new Ledger[PER_SITE];
    private static final Cache[] CACHES = new Cache[PER_SITE];
    private static final Journal[] JOURNALS = new Journal[PER_SITE];
    private static final Registry[] REGISTRIES = new Registry[PER_SITE];

    /** Each site's monitors have a class of their own, so that the recording names four monitor classes. */
    private static final class Ledger {
    }

    private static final class Cache {
    }

    private static final class Journal {
    }

    private static final class Registry {
    }

    static {
        for (int i = 0; i < PER_SITE; i++) {
            LEDGERS[i] = new Ledger();
            CACHES[i] = new Cache();
            JOURNALS[i] = new Journal();
            REGISTRIES[i] = new Registry();
        }
    }

    private MonitorStorm() {
    }

    public static void main(String[] args) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (Double.parseDouble(args[0]) * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread thread = new Thread(() -> {
                try (Selector idle = Selector.open()) {
                    while (System.nanoTime() < deadline) {
                        descend(DEPTH, idle);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "monitor-storm-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void descend(int depth, Selector idle) throws IOException {
        if (depth > 0) {
            descend(depth - 1, idle);
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            int which = random.nextInt(PER_SITE);
            switch (random.nextInt(4)) {
                case 0 -> post(LEDGERS[which], idle);
                case 1 -> lookUp(CACHES[which], idle);
                case 2 -> append(JOURNALS[which], idle);
                default -> register(REGISTRIES[which], idle);
            }
        }
    }

    private static void post(Ledger ledger, Selector idle) throws IOException {
        synchronized (ledger) {
            idle.select(HOLD_MILLIS);
        }
    }

    private static void lookUp(Cache cache, Selector idle) throws IOException {
        synchronized (cache) {
            idle.select(HOLD_MILLIS);
        }
    }

    private static void append(Journal journal, Selector idle) throws IOException {
        synchronized (journal) {
            idle.select(HOLD_MILLIS);
        }
    }

    private static void register(Registry registry, Selector idle) throws IOException {
        synchronized (registry) {
            idle.select(HOLD_MILLIS);
        }
    }
}
