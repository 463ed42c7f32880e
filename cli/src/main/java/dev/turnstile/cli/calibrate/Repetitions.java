package dev.turnstile.cli.calibrate;

/**
 * How an operation is timed: warmed up first, then in batches long enough that the clock's resolution and the
 * batch's own overhead do not matter. The batches themselves are run by {@link ProbeMain}, interleaved across the
 * operations of one JVM.
 */
final class Repetitions {
    /** Fewer than this and there is no median worth the name; taken even past the budget. */
    static final int MIN_REPETITIONS = 3;
    private static final int MAX_BATCH = 1 << 24;

    /**
     * @param batchNanos  how long one batch should take
     * @param warmupNanos how long each operation runs before anything is kept
     * @param repetitions batches kept per operation, unless the budget runs out first
     * @param budgetNanos time per operation, warm-up included
     */
    record Plan(long batchNanos, long warmupNanos, int repetitions, long budgetNanos) {
    }

    private Repetitions() {
    }

    /**
     * Runs the operation for the warm-up time and returns the batch size that lasts about {@link Plan#batchNanos}.
     * The first runs are slow (class loading, the interpreter) and say nothing about the size needed, so batches
     * grow while the JIT compiles the code, and the size is set from the last, warm one.
     */
    static int warmUpAndSize(Operation operation, Plan plan) throws Exception {
        long start = System.nanoTime();
        int batch = 1;
        long took = timed(operation, batch);
        while (System.nanoTime() - start < plan.warmupNanos()) {
            if (took < plan.batchNanos() && batch < MAX_BATCH) {
                batch *= 2;
            }
            took = timed(operation, batch);
        }
        double scaled = (double) batch * plan.batchNanos() / Math.max(1, took);
        return (int) Math.max(1, Math.min(MAX_BATCH, Math.round(scaled)));
    }

    private static long timed(Operation operation, int batch) throws Exception {
        long start = System.nanoTime();
        operation.nanosEach(batch);
        return System.nanoTime() - start;
    }
}
