package dev.turnstile.bench;

import dev.turnstile.agent.bridge.LockWaitEvent;
import dev.turnstile.agent.bridge.LockWaits;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What one recorded contended acquisition costs: the bridge's begin and end, committing a turnstile.LockWait event
 * with its stack. Runs only under the agent with threshold=0, so that every call records an event (BenchMain).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LockEventBenchmark {
    private final Object lock = new Object();

    @Benchmark
    public boolean waitEventWithStack() {
        LockWaitEvent event = LockWaits.begin(lock, false);
        LockWaits.end(event, lock, true);
        return event != null;
    }
}
