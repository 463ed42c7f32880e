package dev.turnstile.cli.calibrate;

import java.util.concurrent.locks.ReentrantLock;

/** One thread takes and releases a ReentrantLock nobody else wants: the floor every locked operation pays. */
final class UncontendedLock implements Operation {
    // Static so the JIT cannot prove the lock private to this method and remove it.
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long guarded;

    @Override
    public double nanosEach(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LOCK.lock();
            try {
                guarded++;
            } finally {
                LOCK.unlock();
            }
        }
        return (double) (System.nanoTime() - start) / count;
    }
}
