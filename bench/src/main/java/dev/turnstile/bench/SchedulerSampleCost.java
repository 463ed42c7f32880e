package dev.turnstile.bench;

import dev.turnstile.agent.bridge.ThreadSchedules;
import dev.turnstile.agent.bridge.ThreadSchedulingEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * One period of the agent's scheduler sampler, timed with many live threads: the sampler's own code (the agent's bridge
 * on the class path), writing into a real JFR recording. Run by {@code BenchMain sched} in a JVM of its own:
 *
 * <pre>SchedulerSampleCost THREADS PERIODS idle|waking</pre>
 *
 * {@code idle} threads stay parked, so their counters never change and the sampler reads them without writing;
 * {@code waking} threads wake about once a period, so every thread is written every period. Prints one line per
 * period, {@code period wallMs cpuMs}, then {@code events N}.
 */
public final class SchedulerSampleCost {
    private static volatile boolean stop;

    private SchedulerSampleCost() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int periods = Integer.parseInt(args[1]);
        boolean waking = args[2].equals("waking");
        FlightRecorder.register(ThreadSchedulingEvent.class);
        Path file = Files.createTempFile("sched-cost", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(ThreadSchedulingEvent.class);
            recording.setToDisk(true);
            recording.start();
            List<Thread> started = start(threads, waking);
            String unavailable = ThreadSchedules.prepare();
            if (unavailable != null) {
                throw new IllegalStateException("no per-thread counters here: " + unavailable);
            }
            ThreadSchedules.start();
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int period = 1; period <= periods; period++) {
                Thread.sleep(1_000);
                long wall = System.nanoTime();
                long onCpu = cpu.getCurrentThreadCpuTime();
                // The periodic hook would skip samples it cannot afford: this one is always taken, and timed.
                ThreadSchedules.sampleAtChunkEdge();
                System.out.printf(Locale.ROOT, "period %.3f %.3f%n", (System.nanoTime() - wall) / 1e6,
                        (cpu.getCurrentThreadCpuTime() - onCpu) / 1e6);
            }
            recording.stop();
            recording.dump(file);
            stop = true;
            started.forEach(LockSupport::unpark);
        }
        System.out.println("events " + RecordingFile.readAllEvents(file).size());
        Files.delete(file);
        System.exit(0);
    }

    private static List<Thread> start(int threads, boolean waking) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                running.countDown();
                while (!stop) {
                    if (waking) {
                        // About once a period, at a different moment for each thread.
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(900_000_000L, 1_100_000_000L));
                    } else {
                        LockSupport.park();
                    }
                }
            }, "sched-cost-" + i);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        running.await();
        return started;
    }
}
