package dev.turnstile.analyzer.events;

/**
 * async-profiler's events, as it writes them into the JFR chunk the agent appends to a recording (checked
 * against async-profiler 4.5 on JDK 17 and 25). Its chunk carries no JDK event settings, which is how its
 * {@code jdk.ExecutionSample} (CPU samples) is told apart from the JDK's own event of that name.
 */
public final class ProfilerEvents {
    /**
     * Wall-clock samples of every thread, running or not, about one per thread per interval. Samples of a thread
     * idle in the same place are batched: {@link #WALL_SAMPLES} samples taken evenly from the event's start over
     * {@link #WALL_TIME_SPAN} nanoseconds.
     */
    public static final String WALL_CLOCK_SAMPLE = "profiler.WallClockSample";
    public static final String WALL_THREAD = "sampledThread";
    /** {@link #STATE_RUNNABLE} (running user code) or {@link #STATE_SLEEPING} (in a blocking system call). */
    public static final String WALL_STATE = "state";
    public static final String WALL_SAMPLES = "samples";
    public static final String WALL_TIME_SPAN = "timeSpan";
    public static final String STATE_RUNNABLE = "STATE_RUNNABLE";
    public static final String STATE_SLEEPING = "STATE_SLEEPING";

    /** CPU (or context-switch) samples; the same name as the JDK's event, see the class comment. */
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String EXECUTION_THREAD = "sampledThread";

    /** async-profiler writes its options as settings of its chunk; this one names its sampling engine. */
    public static final String ACTIVE_SETTING = "jdk.ActiveSetting";
    public static final String ACTIVE_SETTING_NAME = "name";
    public static final String ACTIVE_SETTING_VALUE = "value";
    public static final String SETTING_EVENT = "event";
    /** The engine's value when it samples context switches rather than CPU time. */
    public static final String ENGINE_CONTEXT_SWITCHES = "context-switches";

    private ProfilerEvents() {
    }
}
