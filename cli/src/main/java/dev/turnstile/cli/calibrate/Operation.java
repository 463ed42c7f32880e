package dev.turnstile.cli.calibrate;

/** One thing calibrate times in a child JVM; it may keep threads or a pool between batches. */
interface Operation extends AutoCloseable {
    /**
     * Does the operation {@code count} times in a row.
     *
     * @return nanoseconds per operation over the whole batch
     */
    double nanosEach(int count) throws Exception;

    /** What the figure depends on that a reader should know (e.g. how threads were pinned), or null. */
    default String note() {
        return null;
    }

    /** Stops the operation's threads; must not throw, so a failed figure never hides the next one. */
    @Override
    default void close() {
    }
}
