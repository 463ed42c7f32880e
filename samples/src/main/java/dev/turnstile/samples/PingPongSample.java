package dev.turnstile.samples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two threads handing a token back and forth through SynchronousQueues: each works on it for 20 µs, hands it over and
 * waits to get it back. The other thread takes longer than a SynchronousQueue spins before parking, so every hand-off
 * wakes a parked thread: about one voluntary context switch per hand-off, tens of thousands a second, while only about
 * one thread wants a CPU at any time. Lots of switching, no oversubscription. The truth is the number of hand-offs and
 * the two threads' CPU time, as each reads it from the JVM before it ends.
 */
public final class PingPongSample {
    static final String NAME_PREFIX = "pingpong-";
    /** Longer than SynchronousQueue's spin before it parks (a few microseconds), so the receiver is parked. */
    static final long WORK_NANOS = 20_000;
    private static final Object TOKEN = new Object();
    private static final Object STOP = new Object();

    private PingPongSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 2);
        SynchronousQueue<Object> toPong = new SynchronousQueue<>();
        SynchronousQueue<Object> toPing = new SynchronousQueue<>();
        AtomicLong handoffs = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + options.nanos();

        Thread ping = new Thread(() -> {
            try {
                while (System.nanoTime() < deadline) {
                    Cpu.burn(WORK_NANOS);
                    toPong.put(TOKEN);
                    toPing.take();
                    handoffs.addAndGet(2);
                }
                toPong.put(STOP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cpuNanos.addAndGet(threadBean.getCurrentThreadCpuTime());
        }, NAME_PREFIX + "ping");
        Thread pong = new Thread(() -> {
            try {
                while (toPong.take() != STOP) {
                    Cpu.burn(WORK_NANOS);
                    toPing.put(TOKEN);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cpuNanos.addAndGet(threadBean.getCurrentThreadCpuTime());
        }, NAME_PREFIX + "pong");
        pong.start();
        ping.start();
        ping.join();
        pong.join();
        new Truth("pingpong")
                .put("threads", 2)
                .put("namePrefix", NAME_PREFIX)
                .put("handoffs", handoffs.get())
                .put("workerCpuNanos", cpuNanos.get())
                .print();
    }
}
