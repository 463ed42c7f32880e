package dev.turnstile.cli.calibrate;

/** Starts a platform thread that does nothing and waits for it to end: the price of a thread per task. */
final class ThreadStartJoin implements Operation {
    private static final Runnable NOTHING = () -> { };

    @Override
    public double nanosEach(int count) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(NOTHING);
            thread.start();
            thread.join();
        }
        return (double) (System.nanoTime() - start) / count;
    }
}
