package dev.turnstile.cli.calibrate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Submits an empty task to a one-thread pool and waits for its result: the round trip of handing work to an idle
 * worker (which sleeps on the queue) and getting the answer back, without the cost of the work.
 */
final class PoolSubmitRun implements Operation {
    private static final Runnable NOTHING = () -> { };
    private final ExecutorService pool = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "calibrate-pool-worker");
        worker.setDaemon(true);
        return worker;
    });

    @Override
    public double nanosEach(int count) throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pool.submit(NOTHING).get();
        }
        return (double) (System.nanoTime() - start) / count;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
