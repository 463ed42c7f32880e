package dev.turnstile.samples;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of sample programs. Each one shows a single phenomenon and knows its own truth, which it
 * prints as a {@code truth:} line so tests can compare the analyzer's numbers with the program's.
 */
public enum Sample {
    GIL("gil", GilSample.class,
            "8 threads whose work is dominated by one synchronized critical section (GIL-style serialisation)"),
    GIL_JUC("gil-juc", GilJucSample.class,
            "the gil sample with a ReentrantLock instead of synchronized"),
    SLEEPY_HOLDER("sleepyholder", SleepyHolderSample.class,
            "threads queue on a synchronized method whose holder sleeps 80 % of its hold: the holder is not running"),
    RWLOCK("rwlock", ReadWriteSample.class,
            "a writer holding a ReentrantReadWriteLock most of the time while readers queue behind it (shared waits)"),
    LOCKS("locks", LockKindsSample.class,
            "every kind of java.util.concurrent lock contended in turn, each counting its acquisitions"),
    SIGNALS("signals", SignalsSample.class,
            "a thread waiting for signals (latch, barrier, phaser, condition, Object.wait, queue): not contention"),
    POOL("pool", PoolSample.class,
            "thread pools with known numbers: saturated, rejecting, scheduled, wrapped, and an executor of its own"),
    PARALLEL("parallel", ParallelSample.class,
            "the same work with no shared lock, one thread per core (negative control)"),
    SPAWN("spawn", SpawnSample.class,
            "child processes started every way Java can, one failing, with secrets in their command lines"),
    CHURN("churn", ChurnSample.class,
            "waves of short-lived platform threads started from one creator method (thread churn)"),
    VIRTUAL("virtual", VirtualSample.class,
            "virtual threads queueing on a ReentrantLock, then on a synchronized block (JDK 21+)"),
    DEADLOCK("deadlock", DeadlockSample.class,
            "two pairs of threads taking two locks in opposite order (monitors, then ReentrantLocks): deadlocked"),
    HERD("herd", HerdSample.class,
            "consumers woken all at once (notifyAll, signalAll) for each single item: a thundering herd"),
    PHASED("phased", PhasedSample.class,
            "a lock that serialises four workers only in the middle third of the run"),
    STRIPED("striped", StripedSample.class,
            "lock striping where one hot key sends most updates to one of 8 stripes (asymmetric contention)"),
    CHAIN("chain", ChainSample.class,
            "a thread waiting for a lock whose holder waits for another lock whose holder sleeps (wait-for chain)"),
    OVERSIZED("oversized", OversizedPoolSample.class,
            "a pool of 32 workers serving 0.2 workers' worth of tasks: nearly all idle (pool oversized)"),
    SPAWNSTORM("spawnstorm", SpawnStormSample.class,
            "two threads starting a trivial child process and waiting for it, over and over (spawn storm)"),
    PINNING("pinning", PinningSample.class,
            "virtual threads sleeping inside class initializers, pinned to their carriers (JDK 21+)"),
    OVERSUBSCRIBED("oversubscribed", OversubscribedSample.class,
            "four CPU-bound threads per core: each waits for a CPU most of its life (oversubscription)"),
    PINGPONG("pingpong", PingPongSample.class,
            "two threads handing a token back and forth through SynchronousQueues: many switches, no oversubscription"),
    OVERFLOW("overflow", OverflowSample.class,
            "more contended locks, thread pools and blocked virtual threads than the agent's tables hold: it drops and"
                    + " counts the rest"),
    DEEPSTACK("deepstack", DeepStackSample.class,
            "four threads queue on a lock taken at the bottom of a 1,500-frame recursion (deep stacks; record with"
                    + " -XX:FlightRecorderOptions:stackdepth=2048 to keep them whole)"),
    SERVICE("service", ServiceSample.class,
            "a long-running service whose 4 request threads queue on one ReentrantLock held across a 2 ms call; runs"
                    + " until stopped, to try 'turnstile attach' on");

    private final String id;
    private final Class<?> mainClass;
    private final String description;

    Sample(String id, Class<?> mainClass, String description) {
        this.id = id;
        this.mainClass = mainClass;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Class<?> mainClass() {
        return mainClass;
    }

    public String description() {
        return description;
    }

    public static Optional<Sample> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Sample::id).toList();
    }
}
