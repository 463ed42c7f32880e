package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Written once per recording when the agent knows whether async-profiler runs: it started, it was switched off,
 * or it could not start and why. Its samples are appended to the recording when the JVM exits; without them the
 * JDK's own jdk.ExecutionSample is on instead.
 */
@Name("turnstile.ProfilerStart")
@Label("Turnstile Profiler Start")
@Category({"Turnstile"})
@Description("Whether async-profiler's samples are in this recording, and why not when they are not")
@StackTrace(false)
public final class ProfilerStartEvent extends jdk.jfr.Event {
    @Label("Modes")
    @Description("What was asked of async-profiler, e.g. wall=20ms,cpu=10ms; off when switched off")
    public String modes;

    @Label("Started")
    @Description("True when async-profiler runs and its samples will be appended to this recording at exit")
    public boolean started;

    @Label("Failure")
    @Description("Why async-profiler does not run (switched off, no library for this platform, the library would"
            + " not load or start); null when it runs")
    public String failure;

    @Label("Version")
    @Description("The async-profiler library's version, when it loaded")
    public String version;

    @Label("JDK Execution Samples")
    @Description("True when the JDK's own jdk.ExecutionSample is on (the profiler does not take CPU samples)")
    public boolean jdkExecutionSamples;
}
