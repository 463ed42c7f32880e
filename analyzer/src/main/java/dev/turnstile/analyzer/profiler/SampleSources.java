package dev.turnstile.analyzer.profiler;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.ProfilerEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which kinds of data a recording holds (the agent's events, the JDK's, async-profiler's samples of each mode,
 * the JDK's own execution samples), and what to tell the reader about what is missing.
 */
public final class SampleSources {
    public static final String AGENT = "agent";
    public static final String JDK = "jdk";
    public static final String PROFILER_WALL = "async-profiler-wall";
    public static final String PROFILER_CPU = "async-profiler-cpu";
    public static final String PROFILER_CTXSW = "async-profiler-ctxsw";
    public static final String JDK_EXECUTION_SAMPLES = "jdk-execution-samples";

    private boolean agent;
    private boolean jdk;
    private long wallSamples;
    private long profilerExecutionSamples;
    private long jdkExecutionSamples;
    private String engine;
    private boolean profilerStartSeen;
    private boolean profilerStarted;
    private String profilerModes;
    private String profilerFailure;

    public void onAnyEvent(EventView event) {
        String name = event.name();
        if (!jdk && writtenByJdk(event) && name.startsWith("jdk.")) {
            jdk = true;
        }
        // a recording made beside the agent's (a test's) has its events without its start event
        if (!agent && name.startsWith("turnstile.") && !name.equals(TurnstileEvents.OBSERVED_WINDOW)) {
            agent = true;
        }
    }

    public void onAgentStart(EventView event) {
        agent = true;
    }

    public void onWallClockSample(EventView event) {
        wallSamples++;
    }

    public void onExecutionSample(EventView event) {
        if (writtenByJdk(event)) {
            jdkExecutionSamples++;
        } else {
            profilerExecutionSamples++;
        }
    }

    /** async-profiler's chunk names its sampling engine in a setting called {@code event}. */
    public void onActiveSetting(EventView event) {
        if (!writtenByJdk(event)
                && ProfilerEvents.SETTING_EVENT.equals(event.getString(ProfilerEvents.ACTIVE_SETTING_NAME))) {
            engine = event.getString(ProfilerEvents.ACTIVE_SETTING_VALUE);
        }
    }

    public void onProfilerStart(EventView event) {
        profilerStartSeen = true;
        profilerStarted = event.getBoolean(TurnstileEvents.PROFILER_START_STARTED);
        profilerModes = event.getString(TurnstileEvents.PROFILER_START_MODES);
        profilerFailure = event.getString(TurnstileEvents.PROFILER_START_FAILURE);
    }

    private static boolean writtenByJdk(EventView event) {
        return event.kind().writtenByJdk();
    }

    private boolean contextSwitches() {
        return ProfilerEvents.ENGINE_CONTEXT_SWITCHES.equals(engine);
    }

    public List<String> sources() {
        List<String> sources = new ArrayList<>();
        if (agent) {
            sources.add(AGENT);
        }
        if (jdk) {
            sources.add(JDK);
        }
        if (wallSamples > 0) {
            sources.add(PROFILER_WALL);
        }
        if (profilerExecutionSamples > 0) {
            sources.add(contextSwitches() ? PROFILER_CTXSW : PROFILER_CPU);
        }
        if (jdkExecutionSamples > 0) {
            sources.add(JDK_EXECUTION_SAMPLES);
        }
        return sources;
    }

    /** What the reader should know about missing samples: one sentence each, with how to get them. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        boolean anyProfilerSamples = wallSamples > 0 || profilerExecutionSamples > 0;
        String cpuFallback = jdkExecutionSamples > 0 ? "CPU samples come from the JDK's jdk.ExecutionSample" : "";
        if (profilerStartSeen && !profilerStarted) {
            String why = profilerFailure == null ? "no reason given" : profilerFailure;
            boolean off = why.startsWith("switched off");
            notes.add(String.format(Locale.ROOT, "async-profiler did not run (%s)%s, and what lock holders were doing"
                    + " while others waited is unknown. %s", why, cpuFallback.isEmpty() ? "" : ": " + cpuFallback,
                    off ? "Leave the profiler on (the default) to see it."
                        : "It needs Linux (x64 or arm64) or macOS and a temporary folder that allows loading a library."));
        } else if (profilerStartSeen && !anyProfilerSamples) {
            notes.add("async-profiler ran (" + profilerModes + ") but its samples are not in the file: they are"
                    + " added when the JVM exits normally, by System.exit or a signal such as SIGTERM, not when it is"
                    + " killed.");
        } else if (!profilerStartSeen && !anyProfilerSamples) {
            notes.add("No async-profiler samples: what lock holders were doing while others waited is unknown."
                    + " Record with 'turnstile run', which adds them.");
        } else if (wallSamples == 0) {
            notes.add("No wall-clock samples (async-profiler ran without wall): what lock holders were doing while"
                    + " others waited is unknown. Add wall to the agent's profiler option.");
        }
        return notes;
    }
}
