package dev.turnstile.samples;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A cache refreshed under a write lock while readers look values up under the read lock. The writer (the
 * first worker) holds the write lock for 8 ms at a time with 2 ms between, and waits for readers to leave
 * before each refresh (its measured share is the truth line's writeHeldShare). Four readers take the read lock
 * for 50 us at a time; whenever the writer holds it they queue behind it, so their waits are shared
 * acquisitions whose owner is the writer. A reader that arrives while the writer is still queued waits behind
 * it too, then with no exclusive owner yet.
 */
public final class ReadWriteSample {
    static final long WRITE_NANOS = 8_000_000;
    static final long BETWEEN_WRITES_NANOS = 2_000_000;
    static final long READ_NANOS = 50_000;
    static final long BETWEEN_READS_NANOS = 500_000;

    /** The guarded cache: how long the write lock was held and how many reads got through. */
    static final class Cache {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private long writeHeldNanos;
        private long reads;

        void refresh() {
            lock.writeLock().lock();
            try {
                long start = System.nanoTime();
                Cpu.burn(WRITE_NANOS);
                writeHeldNanos += System.nanoTime() - start;
            } finally {
                lock.writeLock().unlock();
            }
        }

        void lookup() {
            lock.readLock().lock();
            try {
                Cpu.burn(READ_NANOS);
                synchronized (this) {
                    reads++;
                }
            } finally {
                lock.readLock().unlock();
            }
        }

        synchronized long reads() {
            return reads;
        }
    }

    private ReadWriteSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 5);
        Cache cache = new Cache();
        long wall = Workers.runFor("rwlock-worker", options.threads(), options.nanos(), worker -> worker == 0
                ? () -> {
                    cache.refresh();
                    Cpu.burn(BETWEEN_WRITES_NANOS);
                }
                : () -> {
                    cache.lookup();
                    Cpu.burn(BETWEEN_READS_NANOS);
                });
        new Truth("rwlock")
                .put("threads", options.threads())
                .put("lock", ReentrantReadWriteLock.class.getName())
                .put("writer", "rwlock-worker-1")
                .put("readers", options.threads() - 1)
                .put("reads", cache.reads())
                .put("writeHeldShare", (double) cache.writeHeldNanos / wall)
                .print();
    }
}
