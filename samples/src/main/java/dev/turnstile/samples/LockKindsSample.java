package dev.turnstile.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Every kind of java.util.concurrent lock, contended in turn by four threads that each hold it for 0.2 ms per
 * pass: ReentrantLock, the write side of a ReentrantReadWriteLock, its read side behind a writer, a one-permit
 * Semaphore, StampedLock's write lock and its read lock behind a writer. Each phase counts its acquisitions; in
 * the "behind a writer" phases worker 1 writes (6 ms at a time, then sleeps 1 ms) and the others read (0.2 ms, then
 * sleep 5 ms), so each reader arrives once per cycle while the writer holds the lock. Threads are named
 * locks-PHASE-N.
 */
public final class LockKindsSample {
    static final long HOLD_NANOS = 200_000;
    /** In the "behind a writer" phases: the writer holds the lock 6 ms, then sleeps 1 ms while readers get in. */
    static final long WRITER_HOLD_NANOS = 6_000_000;
    static final long WRITER_PAUSE_NANOS = 1_000_000;
    static final long OUTSIDE_NANOS = 20_000;
    /**
     * Readers behind a writer sleep 5 ms between reads: the writer takes the lock while they all sleep, so they wake
     * during its 6 ms hold and queue behind it, once per cycle, whatever the lock's policy toward waiting writers
     * (StampedLock lets readers overtake one) and however busy the machine.
     */
    static final long READER_PAUSE_NANOS = 5_000_000;

    /** One lock kind: how a thread takes and releases it, as writer (worker 0) or as the others. */
    private interface Phase {
        String name();

        void pass(int worker);
    }

    private LockKindsSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 4);
        List<Phase> phases = phases();
        Truth truth = new Truth("locks").put("threads", options.threads()).put("phases", phases.size());
        for (Phase phase : phases) {
            AtomicLong acquisitions = new AtomicLong();
            Workers.runFor("locks-" + phase.name(), options.threads(), options.nanos() / phases.size(),
                    worker -> () -> {
                        phase.pass(worker);
                        acquisitions.incrementAndGet();
                        Cpu.burn(OUTSIDE_NANOS);
                    });
            truth.put(phase.name(), acquisitions.get());
        }
        truth.print();
    }

    private static List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        ReentrantLock reentrant = new ReentrantLock();
        phases.add(phase("reentrant", worker -> {
            reentrant.lock();
            try {
                Cpu.burn(HOLD_NANOS);
            } finally {
                reentrant.unlock();
            }
        }));
        ReentrantReadWriteLock writeOnly = new ReentrantReadWriteLock();
        phases.add(phase("rw-write", worker -> {
            writeOnly.writeLock().lock();
            try {
                Cpu.burn(HOLD_NANOS);
            } finally {
                writeOnly.writeLock().unlock();
            }
        }));
        ReentrantReadWriteLock readWrite = new ReentrantReadWriteLock();
        phases.add(phase("rw-read", worker -> {
            var lock = worker == 0 ? readWrite.writeLock() : readWrite.readLock();
            lock.lock();
            try {
                Cpu.burn(worker == 0 ? WRITER_HOLD_NANOS : HOLD_NANOS);
            } finally {
                lock.unlock();
            }
            LockSupport.parkNanos(worker == 0 ? WRITER_PAUSE_NANOS : READER_PAUSE_NANOS);
        }));
        Semaphore permit = new Semaphore(1);
        phases.add(phase("semaphore", worker -> {
            permit.acquireUninterruptibly();
            try {
                Cpu.burn(HOLD_NANOS);
            } finally {
                permit.release();
            }
        }));
        StampedLock stampedWrite = new StampedLock();
        phases.add(phase("stamped-write", worker -> {
            long stamp = stampedWrite.writeLock();
            try {
                Cpu.burn(HOLD_NANOS);
            } finally {
                stampedWrite.unlockWrite(stamp);
            }
        }));
        StampedLock stampedRead = new StampedLock();
        phases.add(phase("stamped-read", worker -> {
            long stamp = worker == 0 ? stampedRead.writeLock() : stampedRead.readLock();
            try {
                Cpu.burn(worker == 0 ? WRITER_HOLD_NANOS : HOLD_NANOS);
            } finally {
                stampedRead.unlock(stamp);
            }
            LockSupport.parkNanos(worker == 0 ? WRITER_PAUSE_NANOS : READER_PAUSE_NANOS);
        }));
        return phases;
    }

    private static Phase phase(String name, java.util.function.IntConsumer pass) {
        return new Phase() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void pass(int worker) {
                pass.accept(worker);
            }
        };
    }
}
