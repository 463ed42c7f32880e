package dev.turnstile.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Virtual threads queueing on a lock (JDK 21+). Eight virtual threads (by default), on as many carriers as the
 * JVM has CPUs, take turns first on a {@link ReentrantLock}, then on a {@code synchronized} block, each phase for
 * half the time: 1 ms of work inside, 0.2 ms outside. Each thread measures its own waits: for the lock, an acquisition that
 * {@code tryLock} refused and how long the following {@code lock()} took; for the monitor, how long the
 * {@code synchronized} entry took. At the end one more virtual thread runs a class initializer that sleeps 20 ms,
 * which pins it to its carrier even on JDK 24+. On a JDK older than 21 the sample says so and exits with 2.
 */
public final class VirtualSample {
    static final long HOLD_NANOS = 1_000_000;
    static final long OUTSIDE_NANOS = 200_000;
    static final long LONG_WAIT_NANOS = 1_000_000;
    static final long PINNED_MILLIS = 20;

    /** One virtual thread's own count of its passes and waits. */
    private static final class Tally {
        long passes;
        long contended;
        long longWaits;
        long waitNanos;

        void waited(long nanos) {
            contended++;
            waitNanos += nanos;
            if (nanos >= LONG_WAIT_NANOS) {
                longWaits++;
            }
        }
    }

    /** The object the monitor phase synchronizes on; its class names the monitor in recordings. */
    static final class Ledger {
    }

    /** Initialized by a virtual thread; sleeping in a class initializer pins the virtual thread to its carrier. */
    static final class SlowInit {
        static {
            try {
                Thread.sleep(PINNED_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    private VirtualSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (!VirtualThreads.supported()) {
            System.err.println("virtual: needs JDK " + VirtualThreads.FIRST_FEATURE + " or newer (this JVM is "
                    + Runtime.version().feature() + ")");
            System.exit(2);
        }
        SampleOptions options = SampleOptions.parse(args, 3.0, 8);
        long phaseNanos = options.nanos() / 2;

        ReentrantLock lock = new ReentrantLock();
        Tally juc = runPhase("virtual-juc-", options.threads(), phaseNanos, tally -> () -> {
            long before = System.nanoTime();
            if (!lock.tryLock()) {
                lock.lock();
                tally.waited(System.nanoTime() - before);
            }
            try {
                Cpu.burn(HOLD_NANOS);
                tally.passes++;
            } finally {
                lock.unlock();
            }
            Cpu.burn(OUTSIDE_NANOS);
        });

        Ledger ledger = new Ledger();
        Tally monitor = runPhase("virtual-monitor-", options.threads(), phaseNanos, tally -> () -> {
            long before = System.nanoTime();
            synchronized (ledger) {
                long waited = System.nanoTime() - before;
                // An entry that took over 20 us cannot have been uncontended.
                if (waited > 20_000) {
                    tally.waited(waited);
                }
                Cpu.burn(HOLD_NANOS);
                tally.passes++;
            }
            Cpu.burn(OUTSIDE_NANOS);
        });

        Thread pinned = VirtualThreads.unstarted("virtual-pinned", SlowInit::touch);
        pinned.start();
        pinned.join();

        new Truth("virtual")
                .put("threads", options.threads())
                .put("virtualThreads", 2 * options.threads() + 1)
                .put("jucPrefix", "virtual-juc-")
                .put("jucLock", ReentrantLock.class.getName())
                .put("jucPasses", juc.passes)
                .put("jucContended", juc.contended)
                .put("jucLongWaits", juc.longWaits)
                .put("jucWaitNanos", juc.waitNanos)
                .put("monitorPrefix", "virtual-monitor-")
                .put("monitorClass", Ledger.class.getName())
                .put("monitorPasses", monitor.passes)
                .put("monitorContended", monitor.contended)
                .put("monitorLongWaits", monitor.longWaits)
                .put("monitorWaitNanos", monitor.waitNanos)
                .put("pinnedThread", "virtual-pinned")
                .put("pinnedMillis", PINNED_MILLIS)
                .print();
    }

    /** Runs {@code threads} virtual threads repeating a body until the phase ends; returns their summed tally. */
    private static Tally runPhase(String prefix, int threads, long nanos, Function<Tally, Runnable> bodyOf)
            throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        List<Thread> workers = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Tally tally = new Tally();
            Runnable body = bodyOf.apply(tally);
            tallies.add(tally);
            workers.add(VirtualThreads.unstarted(prefix + (i + 1), () -> {
                while (System.nanoTime() < deadline) {
                    body.run();
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        Tally sum = new Tally();
        for (Tally tally : tallies) {
            sum.passes += tally.passes;
            sum.contended += tally.contended;
            sum.longWaits += tally.longWaits;
            sum.waitNanos += tally.waitNanos;
        }
        return sum;
    }
}
