package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.threads.Threads;
import java.time.Instant;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/** What a recording says about itself: its time window, the JVM, the machine and the agent. */
final class RecordingFacts {
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;
    /** The span of async-profiler's chunk, used only for a file that holds nothing else. */
    private long profilerFirstNanos = Long.MAX_VALUE;
    private long profilerLastNanos = Long.MIN_VALUE;
    private String jvmName;
    private String jvmVersion;
    private int cpus;
    private RecordingInfo.AgentInfo agent;
    private long agentReadyNanos = Long.MIN_VALUE;
    private boolean locksInstrumented;

    /**
     * The window is the span of all events (JFR files carry no start and end the consumer API exposes), from
     * the moment the agent was ready if the recording has one: before that the program was not fully observed.
     */
    void onAnyEvent(RecordedEvent event, boolean fromJdkRecording) {
        long start = Threads.epochNanos(event.getStartTime());
        long end = Threads.epochNanos(event.getEndTime());
        if (fromJdkRecording) {
            firstNanos = Math.min(firstNanos, start);
            lastNanos = Math.max(lastNanos, end);
        } else {
            // async-profiler starts before the agent is ready and stops after JFR's recording has ended (the agent
            // appends its samples at exit): its span is not the observed window
            profilerFirstNanos = Math.min(profilerFirstNanos, start);
            profilerLastNanos = Math.max(profilerLastNanos, end);
        }
    }

    /** A file of async-profiler's samples alone has no other span. */
    void finish() {
        if (firstNanos > lastNanos) {
            firstNanos = profilerFirstNanos;
            lastNanos = profilerLastNanos;
        }
    }

    void onJvmInformation(RecordedEvent event) {
        jvmName = event.getString(JdkEvents.JVM_INFORMATION_NAME);
        jvmVersion = shortVersion(event.getString(JdkEvents.JVM_INFORMATION_VERSION));
    }

    /** "OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux-amd64 JRE (...), built on ..." to the version. */
    static String shortVersion(String banner) {
        if (banner == null) {
            return null;
        }
        int open = banner.indexOf('(');
        int close = banner.indexOf(')', open + 1);
        return open >= 0 && close > open ? banner.substring(open + 1, close) : banner;
    }

    void onCpuInformation(RecordedEvent event) {
        cpus = event.getInt(JdkEvents.CPU_INFORMATION_HW_THREADS);
    }

    void onAgentStart(RecordedEvent event) {
        agent = new RecordingInfo.AgentInfo(event.getString(TurnstileEvents.AGENT_START_AGENT_VERSION),
                event.getInt(TurnstileEvents.AGENT_START_SCHEMA_VERSION));
        agentReadyNanos = Threads.epochNanos(event.getStartTime());
        String modules = event.hasField(TurnstileEvents.AGENT_START_MODULES)
                ? event.getString(TurnstileEvents.AGENT_START_MODULES) : null;
        locksInstrumented = modules != null && java.util.Arrays.asList(modules.split(",")).contains(
                TurnstileEvents.MODULE_LOCKS);
    }

    boolean hasEvents() {
        return firstNanos <= lastNanos;
    }

    private long windowStartNanos() {
        return agentReadyNanos != Long.MIN_VALUE && agentReadyNanos <= lastNanos ? agentReadyNanos : firstNanos;
    }

    long windowNanos() {
        return hasEvents() ? lastNanos - windowStartNanos() : 0;
    }

    int cpus() {
        return cpus;
    }

    boolean hasAgent() {
        return agent != null;
    }

    boolean locksInstrumented() {
        return locksInstrumented;
    }

    RecordingInfo info(String file, List<String> notes, List<String> sources) {
        Instant start = hasEvents() ? Instant.ofEpochSecond(0, windowStartNanos()) : null;
        return new RecordingInfo(file, jvmName, jvmVersion, start, windowNanos(), cpus, agent, notes, sources);
    }
}
