package dev.turnstile.analyzer.model;

/**
 * One OS thread over its observed lifetime: its kernel counters joined with JFR's view of it.
 *
 * @param tid                 the kernel's thread id
 * @param javaThreadId        JFR's Java thread id, or null for a thread JFR never named (a JVM-internal thread)
 * @param name                the Java name if known, else the kernel's (at most 15 characters)
 * @param group               the name with its last number replaced by {@code *}: threads of one pool share it
 * @param jvmInternal         a thread of the JVM itself (JIT compilers, GC, VM threads: JFR names it in the
 *                            {@code system} thread group, or not at all), not of the application
 * @param states              where its time went; {@code states.total()} is its observed lifetime
 * @param timeslices          times it was given a CPU
 * @param voluntarySwitches   times it gave up the CPU to wait
 * @param involuntarySwitches times the kernel took the CPU from it while it could still run
 */
public record ThreadSchedule(long tid, Long javaThreadId, String name, String group, boolean jvmInternal,
                             ThreadStates states,
                             long timeslices, long voluntarySwitches, long involuntarySwitches) {
}
