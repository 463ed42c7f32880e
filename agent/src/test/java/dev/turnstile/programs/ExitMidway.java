package dev.turnstile.programs;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Contends a lock for a while, then ends with {@code System.exit(7)} while its threads are still running: the
 * recording must still be written, async-profiler's samples included. Prints {@code running} once its threads
 * run (the agent has started by then: premain returns before main), so a test can signal it from then on.
 */
public final class ExitMidway {
    private ExitMidway() {
    }

    public static void main(String[] args) throws InterruptedException {
        long millis = Long.parseLong(args[0]);
        ReentrantLock lock = new ReentrantLock();
        for (int i = 0; i < 3; i++) {
            Thread worker = new Thread(() -> {
                while (true) {
                    lock.lock();
                    try {
                        long end = System.nanoTime() + 1_000_000;
                        while (System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            }, "exit-worker-" + i);
            worker.setDaemon(true);
            worker.start();
        }
        System.out.println("running");
        System.out.flush();
        Thread.sleep(millis);
        System.out.println("exiting with 7");
        System.exit(7);
    }
}
