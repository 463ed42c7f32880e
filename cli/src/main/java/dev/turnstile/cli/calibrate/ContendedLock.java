package dev.turnstile.cli.calibrate;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Two threads take one ReentrantLock in turns, and the figure is one handoff: from the holder's unlock to the
 * moment the waiter, which was asleep on the lock, holds it. That is what contention adds to an acquisition beyond
 * waiting for the holder to finish.
 *
 * <p>Left alone, two threads on a lock with a tiny critical section rarely sleep: the JDK's waiter spins a little
 * and the releasing thread can take the lock straight back, so that would measure cache traffic, not handoff. So
 * the lock is fair (a release goes to the queued thread) and the holder releases only once the other thread is
 * asleep on the lock.
 */
final class ContendedLock implements Operation {
    private final ReentrantLock lock = new ReentrantLock(true);
    // Both guarded by the lock: written by the releasing thread, read by the acquiring one.
    private long releasedAt;
    private long handoffNanos;
    private int handoffs;

    @Override
    public double nanosEach(int count) throws InterruptedException {
        int perThread = Math.max(1, count / 2);
        handoffNanos = 0;
        handoffs = 0;
        releasedAt = 0;
        Taker first = new Taker(perThread);
        Taker second = new Taker(perThread);
        first.other = second;
        second.other = first;
        first.thread.start();
        second.thread.start();
        first.thread.join();
        second.thread.join();
        lock.lock();
        try {
            return handoffs == 0 ? 0 : (double) handoffNanos / handoffs;
        } finally {
            lock.unlock();
        }
    }

    private final class Taker implements Runnable {
        final Thread thread = new Thread(this, "calibrate-lock-taker");
        final int acquisitions;
        volatile boolean done;
        Taker other;

        Taker(int acquisitions) {
            this.acquisitions = acquisitions;
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            for (int i = 0; i < acquisitions; i++) {
                lock.lock();
                try {
                    long acquiredAt = System.nanoTime();
                    if (releasedAt != 0) {
                        handoffNanos += acquiredAt - releasedAt;
                        handoffs++;
                        releasedAt = 0;
                    }
                    // the other thread's last turn is over when it is done: nobody to hand to, no handoff
                    releasedAt = waitUntilOtherSleepsOnLock() ? System.nanoTime() : 0;
                } finally {
                    lock.unlock();
                }
            }
            done = true;
        }

        /**
         * Yields rather than spins: on one CPU the other thread needs this one's CPU to get there.
         *
         * @return false if the other thread finished instead
         */
        private boolean waitUntilOtherSleepsOnLock() {
            while (!other.done) {
                if (lock.hasQueuedThread(other.thread) && other.thread.getState() == Thread.State.WAITING) {
                    return true;
                }
                Thread.yield();
            }
            return false;
        }
    }
}
