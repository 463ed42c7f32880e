package dev.turnstile.analyzer.model;

/**
 * The threads of one name pattern together (a pool's workers, the GC threads).
 *
 * @param name              the pattern, e.g. {@code pool-1-thread-*}
 * @param jvmInternal       all its threads are the JVM's own (see {@link ThreadSchedule#jvmInternal})
 * @param states            the threads' states summed
 * @param switchesPerSecond voluntary and involuntary switches of all its threads per second of the recording
 * @param switchCostNanos   estimated CPU time the switches cost: switches x the cost of one switch
 */
public record ThreadGroupSchedule(String name, int threads, boolean jvmInternal, ThreadStates states, long voluntarySwitches,
                                  long involuntarySwitches, double switchesPerSecond, long switchCostNanos) {
}
