package dev.turnstile.cli.calibrate;

import dev.turnstile.analyzer.calibration.Calibration.Cost;

/** The figures calibrate measures, in the order it shows them, with the child-JVM operation behind each. */
public enum Probe {
    HANDOFF_SAME_CPU(Cost.HANDOFF_SAME_CPU, ProbeMain.HANDOFF, "thread handoff, one CPU (one way)"),
    HANDOFF_CROSS_CPU(Cost.HANDOFF_CROSS_CPU, ProbeMain.HANDOFF, "thread handoff, two CPUs (one way)"),
    VIRTUAL_HANDOFF(Cost.VIRTUAL_HANDOFF, ProbeMain.VIRTUAL_HANDOFF, "virtual-thread handoff (one way)"),
    THREAD_START_JOIN(Cost.THREAD_START_JOIN, ProbeMain.THREAD_START, "Thread.start + join"),
    POOL_SUBMIT_RUN(Cost.POOL_SUBMIT_RUN, ProbeMain.POOL, "pool submit -> run -> get"),
    PROCESS_SPAWN_WAIT(Cost.PROCESS_SPAWN_WAIT, ProbeMain.SPAWN, "process spawn + wait"),
    LOCK_UNCONTENDED(Cost.LOCK_UNCONTENDED, ProbeMain.LOCK_UNCONTENDED, "lock + unlock, uncontended"),
    LOCK_CONTENDED(Cost.LOCK_CONTENDED, ProbeMain.LOCK_CONTENDED, "lock handoff, contended (2 threads)");

    public final Cost cost;
    /** What the child JVM calls it ({@link ProbeMain}). */
    final String operation;
    public final String label;

    Probe(Cost cost, String operation, String label) {
        this.cost = cost;
        this.operation = operation;
        this.label = label;
    }
}
