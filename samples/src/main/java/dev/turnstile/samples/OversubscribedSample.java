package dev.turnstile.samples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Oversubscription: four CPU-bound threads per core and nothing else. No thread ever waits for another, yet each one
 * spends most of its life ready to run and waiting for a CPU, and the kernel keeps taking the CPU from one to give it
 * to the next (involuntary switches). With N threads on C cores each thread runs about C/N of the time. The truth is
 * the threads' CPU time, as each one reads it from the JVM just before it ends.
 */
public final class OversubscribedSample {
    static final String NAME_PREFIX = "oversubscribed-worker-";
    static final int THREADS_PER_CORE = 4;
    /** Short bursts between deadline checks, so every thread stops on time. */
    static final long BURST_NANOS = 1_000_000;

    private OversubscribedSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        SampleOptions options = SampleOptions.parse(args, 3.0, THREADS_PER_CORE * cores);
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        AtomicLong cpuNanos = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + options.nanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            workers.add(new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    Cpu.burn(BURST_NANOS);
                }
                cpuNanos.addAndGet(threadBean.getCurrentThreadCpuTime());
            }, NAME_PREFIX + (i + 1)));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        new Truth("oversubscribed")
                .put("threads", options.threads())
                .put("cores", cores)
                .put("namePrefix", NAME_PREFIX)
                .put("workerCpuNanos", cpuNanos.get())
                .put("wallNanos", System.nanoTime() - start)
                .print();
    }
}
