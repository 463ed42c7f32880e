package dev.turnstile.analyzer.profiler;

/** What a thread was doing when a wall-clock sample caught it, as far as its state and stack tell. */
public enum HolderState {
    /** Running code, or ready to and waiting for a CPU: the samples cannot tell the two apart. */
    RUNNING("running", "running"),
    SLEEPING("sleeping", "sleeping (Thread.sleep)"),
    PARKED("parked", "parked (LockSupport.park: a java.util.concurrent wait)"),
    BLOCKED("blocked", "blocked entering another monitor"),
    WAITING("waiting", "waiting in Object.wait"),
    IO("io", "in I/O"),
    SAFEPOINT("safepoint", "stopped for GC or a safepoint"),
    /** In a blocking system call the stack does not explain. */
    OFF_CPU("offCpu", "off CPU for another reason");

    /** The name in reports (text and JSON). */
    private final String label;
    /** How advice names it in a sentence. */
    private final String phrase;

    HolderState(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    public String label() {
        return label;
    }

    public String phrase() {
        return phrase;
    }
}
