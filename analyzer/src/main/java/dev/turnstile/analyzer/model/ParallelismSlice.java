package dev.turnstile.analyzer.model;

/**
 * One slice of the recording in the scheduler's timeline.
 *
 * @param offsetNanos       start of the slice, from the start of the observed window
 * @param cpusInUse         the process's threads' on-CPU time in the slice / its length: the effective parallelism
 * @param waitingForCpu     the threads' run-queue wait in the slice / its length: threads waiting for a CPU on average
 * @param switchesPerSecond the threads' voluntary and involuntary context switches in the slice per second
 */
public record ParallelismSlice(long offsetNanos, long lengthNanos, double cpusInUse, double waitingForCpu,
                               double switchesPerSecond) {
    /** Without the switch rate (0). */
    public ParallelismSlice(long offsetNanos, long lengthNanos, double cpusInUse, double waitingForCpu) {
        this(offsetNanos, lengthNanos, cpusInUse, waitingForCpu, 0);
    }
}
