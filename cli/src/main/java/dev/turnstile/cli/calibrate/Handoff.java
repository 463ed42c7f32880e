package dev.turnstile.cli.calibrate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Two threads hand a turn to each other: each wakes the other and then sleeps until woken back. Nothing spins, so
 * every handoff is one wake-up and one sleep through the kernel (platform threads) or the virtual-thread scheduler.
 * A round trip is two handoffs; the figure is one handoff.
 */
final class Handoff implements Operation {
    private final SynchronousQueue<Integer> batches = new SynchronousQueue<>();
    private final SynchronousQueue<Long> elapsed = new SynchronousQueue<>();
    private final CountDownLatch bothRunning = new CountDownLatch(2);
    private volatile Thread ping;
    private volatile Thread pong;
    private volatile boolean pongsTurn;
    private volatile boolean stopping;
    private final ThreadAffinity affinity;
    private final AtomicInteger pinned = new AtomicInteger();

    /**
     * @param start    starts a thread running the given code (a platform or a virtual thread)
     * @param affinity when not null, pins the two threads to its two CPUs, one each
     */
    Handoff(Function<Runnable, Thread> start, ThreadAffinity affinity) throws InterruptedException {
        this.affinity = affinity;
        start.apply(() -> {
            ping = Thread.currentThread();
            pin(0);
            bothRunning.countDown();
            pingBatches();
        });
        start.apply(() -> {
            pong = Thread.currentThread();
            pin(1);
            bothRunning.countDown();
            answer();
        });
        bothRunning.await();
    }

    private void pin(int which) {
        if (affinity != null && affinity.pinCurrentThread(which)) {
            pinned.incrementAndGet();
        }
    }

    @Override
    public double nanosEach(int count) throws InterruptedException {
        batches.put(count);
        return elapsed.take() / (2.0 * count);
    }

    private void pingBatches() {
        try {
            while (true) {
                int roundTrips = batches.take();
                long start = System.nanoTime();
                for (int i = 0; i < roundTrips; i++) {
                    pongsTurn = true;
                    LockSupport.unpark(pong);
                    while (pongsTurn) {
                        LockSupport.park(this);
                    }
                }
                elapsed.put(System.nanoTime() - start);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void answer() {
        while (true) {
            while (!pongsTurn) {
                if (stopping) {
                    return;
                }
                LockSupport.park(this);
            }
            pongsTurn = false;
            LockSupport.unpark(ping);
        }
    }

    @Override
    public String note() {
        return affinity == null ? null : affinity.describe(pinned.get() == 2);
    }

    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(pong);
        ping.interrupt(); // it waits for its next batch
    }
}
