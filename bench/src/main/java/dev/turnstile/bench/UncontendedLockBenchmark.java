package dev.turnstile.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One thread taking and releasing a lock nobody else wants: the path the agent promises not to slow down
 * (it instruments only the contended slow path). Run with and without the agent by {@link BenchMain}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UncontendedLockBenchmark {
    private final ReentrantLock lock = new ReentrantLock();
    private final Object monitor = new Object();
    private long counter;

    @Benchmark
    public long reentrantLock() {
        lock.lock();
        try {
            return ++counter;
        } finally {
            lock.unlock();
        }
    }

    @Benchmark
    public long synchronizedBlock() {
        synchronized (monitor) {
            return ++counter;
        }
    }
}
