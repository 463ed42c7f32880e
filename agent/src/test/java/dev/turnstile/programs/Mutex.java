package dev.turnstile.programs;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A non-reentrant lock of the programs' own, built on AbstractQueuedSynchronizer like the JDK's locks: its class
 * tells its contended acquisitions apart from any the JDK makes in the same recording.
 */
final class Mutex extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;

    void lock() {
        acquire(1);
    }

    void unlock() {
        release(1);
    }

    @Override
    protected boolean tryAcquire(int ignored) {
        if (compareAndSetState(0, 1)) {
            setExclusiveOwnerThread(Thread.currentThread());
            return true;
        }
        return false;
    }

    @Override
    protected boolean tryRelease(int ignored) {
        setExclusiveOwnerThread(null);
        setState(0);
        return true;
    }

    @Override
    protected boolean isHeldExclusively() {
        return getExclusiveOwnerThread() == Thread.currentThread();
    }

    /**
     * The calling thread takes each lock in turn, and each time another thread already holds it: {@code holder} took
     * the first one and, before it lets one go, takes the next, so no acquisition of {@code taker} is uncontended.
     *
     * @return the acquisitions made by the taking thread, all contended
     */
    static int handOffEach(Mutex[] locks, String takerName) throws InterruptedException {
        int[] taken = new int[1];
        locks[0].lock();
        Thread taker = new Thread(() -> {
            for (Mutex lock : locks) {
                lock.lock();
                taken[0]++;
                lock.unlock();
            }
        }, takerName);
        taker.start();
        for (int i = 0; i < locks.length; i++) {
            if (i + 1 < locks.length) {
                locks[i + 1].lock();
            }
            while (!locks[i].hasQueuedThreads()) {
                Thread.yield(); // the taker is on its way into the queue
            }
            locks[i].unlock();
        }
        taker.join();
        return taken[0];
    }
}
