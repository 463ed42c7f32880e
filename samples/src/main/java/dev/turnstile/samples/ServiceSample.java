package dev.turnstile.samples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A long-running service to attach to: four request threads take turns on one {@link ReentrantLock} (the ledger),
 * each holding it for 2 ms while it sleeps, as a service holding a lock around a slow call would. It uses almost no
 * CPU, so it can run beside other work for a long time, and it runs until it is killed (or for {@code --seconds}).
 * {@code --hold-ms H} holds the lock H ms instead of 2: the same service with a slower call under its lock, a
 * regression for the gate's baseline comparison to find (sleeping, it shows the same on a busy machine).
 *
 * <p>It answers one-word commands on standard input, each with one line on standard output, so a test can look at
 * it from the inside while Turnstile attaches and detaches:
 * <ul>
 * <li>{@code status}: after a full GC, its thread count, Turnstile's threads, loaded classes, heap and metaspace in
 *     use, and its own lock numbers (acquisitions, mean wait), as {@code status: key=value ...};</li>
 * <li>{@code probe}: whether any lock release still reaches Turnstile's boot-class-path counters. The agent counts
 *     every release of a java.util.concurrent lock there from advice inlined into the JDK's lock code; once it has
 *     detached and restored that code, 1,000 releases must add nothing;</li>
 * <li>{@code exit}: {@code System.exit(0)}, a normal exit while recording.</li>
 * </ul>
 */
public final class ServiceSample {
    static final int WORKERS = 4;
    static final long HOLD_MILLIS = 2;
    static final long OUTSIDE_MICROS = 200;
    private static final String LOCK_COUNTS = "dev.turnstile.agent.bridge.LockCounts";

    /** The contended lock: every request records an entry under it. */
    static final class Ledger {
        private final ReentrantLock lock = new ReentrantLock();
        private final long holdMillis;
        private final AtomicLong acquisitions = new AtomicLong();
        private final AtomicLong waitNanos = new AtomicLong();
        private long entries;

        Ledger(long holdMillis) {
            this.holdMillis = holdMillis;
        }

        void record() throws InterruptedException {
            long start = System.nanoTime();
            lock.lock();
            try {
                waitNanos.addAndGet(System.nanoTime() - start);
                acquisitions.incrementAndGet();
                Thread.sleep(holdMillis);
                entries++;
            } finally {
                lock.unlock();
            }
        }
    }

    private ServiceSample() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.MAX_VALUE;
        long holdMillis = HOLD_MILLIS;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--seconds")) {
                seconds = Double.parseDouble(args[i + 1]);
            } else if (args[i].equals("--hold-ms")) {
                holdMillis = Long.parseLong(args[i + 1]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Ledger ledger = new Ledger(holdMillis);
        for (int i = 0; i < WORKERS; i++) {
            Thread worker = new Thread(() -> serve(ledger), "service-request-" + (i + 1));
            worker.setDaemon(true);
            worker.start();
        }
        Thread commands = new Thread(() -> answerCommands(ledger), "service-commands");
        commands.setDaemon(true);
        commands.start();
        System.out.println("ready: pid=" + ProcessHandle.current().pid() + " lock=" + ReentrantLock.class.getName()
                + " criticalSection=" + Ledger.class.getName() + ".record");
        Thread.sleep(seconds >= Long.MAX_VALUE / 1000.0 ? Long.MAX_VALUE : (long) (seconds * 1000));
        new Truth("service").put("threads", WORKERS).put("lock", ReentrantLock.class.getName())
                .put("criticalSection", Ledger.class.getName() + ".record").put("holdMillis", holdMillis)
                .put("acquisitions", ledger.acquisitions.get()).print();
    }

    private static void serve(Ledger ledger) {
        try {
            while (true) {
                ledger.record();
                TimeUnit.MICROSECONDS.sleep(OUTSIDE_MICROS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answerCommands(Ledger ledger) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.trim()) {
                    case "status" -> System.out.println(status(ledger));
                    case "probe" -> System.out.println(probe());
                    case "exit" -> System.exit(0);
                    default -> System.out.println("unknown command: " + line.trim());
                }
                System.out.flush();
            }
        } catch (Exception e) {
            System.out.println("commands failed: " + e);
        }
    }

    private static String status(Ledger ledger) {
        System.gc();
        System.gc();
        long turnstileThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("turnstile")).count();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
        Runtime runtime = Runtime.getRuntime();
        long acquisitions = ledger.acquisitions.get();
        return "status: threads=" + ManagementFactory.getThreadMXBean().getThreadCount()
                + " turnstileThreads=" + turnstileThreads
                + " loadedClasses=" + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()
                + " heapUsed=" + (runtime.totalMemory() - runtime.freeMemory())
                + " metaspaceUsed=" + metaspace
                + " acquisitions=" + acquisitions
                + " meanWaitMicros=" + (acquisitions == 0 ? 0 : ledger.waitNanos.get() / acquisitions / 1000);
    }

    /** See the class comment; reads the agent's counters without changing them. */
    private static String probe() {
        Class<?> counts;
        try {
            counts = Class.forName(LOCK_COUNTS, false, null);
        } catch (ClassNotFoundException e) {
            return "probe: bridge=absent";
        }
        try {
            Field field = counts.getDeclaredField("COUNTS");
            field.setAccessible(true);
            long[] stripes = (long[]) field.get(null);
            long before = sum(stripes);
            ReentrantLock lock = new ReentrantLock();
            for (int i = 0; i < 1000; i++) {
                lock.lock();
                lock.unlock();
            }
            return "probe: bridge=present releasesCounted=" + (sum(stripes) - before);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "probe: bridge=unreadable " + e;
        }
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
