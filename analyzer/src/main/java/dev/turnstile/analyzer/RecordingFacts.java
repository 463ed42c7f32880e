package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.events.UnreadableField;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.time.Window;
import java.time.Instant;
import java.util.List;

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
    private String schedulerCounters;
    private long schedPeriodNanos;
    private boolean sleepsWithoutStacks;
    /** Turnstile's events other than the window marker: the agent ran, whether or not its start is in the file. */
    private boolean agentEvents;
    /** The earliest turnstile.ObservedWindow, and how many the recording holds. */
    private int markers;
    private long markerStartNanos = Long.MAX_VALUE;
    private long markerEndNanos;
    private String markerSource;
    private String markerLabel;
    /** Why and where the file stopped reading before its end, or null if it read to the end. */
    private String readStopped;
    /** Events skipped because a field was missing or of another type, and the first such field. */
    private long unreadableEvents;
    private String firstUnreadable;

    /**
     * The window is the span of all events (JFR files carry no start and end the consumer API exposes), from
     * the moment the agent was ready if the recording has one: before that the program was not fully observed. A
     * recording made around one part of a run (a test body) marks that part with turnstile.ObservedWindow instead, and
     * then the window is exactly the marker's span: the recording also holds events that began long before it, such as
     * a JUnit thread parked for seconds, which would otherwise stretch the window back.
     */
    void onAnyEvent(EventView event) {
        long start = event.startNanos();
        long end = event.endNanos();
        if (event.kind().writtenByJdk()) {
            String name = event.name();
            if (!agentEvents && name.startsWith("turnstile.") && !name.equals(TurnstileEvents.OBSERVED_WINDOW)) {
                agentEvents = true;
            }
            if (isSample(name)) {
                return;
            }
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
    /** The file stopped reading after {@code eventsRead} events, for {@code reason}: the analysis covers those. */
    void readStopped(long eventsRead, String reason) {
        readStopped = String.format(java.util.Locale.ROOT, "The recording is cut short or damaged after its first %,d"
                + " events (%s): this analysis covers those events, up to %s, and skips the rest of the file.",
                eventsRead, reason, lastNanos > Long.MIN_VALUE ? Instant.ofEpochSecond(0, lastNanos) : "its start");
    }

    /** An event that lacked a field the analyzer reads: it was skipped, and the first such is named in a note. */
    void unreadable(UnreadableField e) {
        if (unreadableEvents++ == 0) {
            firstUnreadable = e.eventName() + "." + e.field();
        }
    }

    void finish() {
        if (firstNanos > lastNanos) {
            firstNanos = profilerFirstNanos;
            lastNanos = profilerLastNanos;
        }
    }

    /**
     * Samples and the recording's own bookkeeping (active recordings and settings) do not bound the window:
     * async-profiler's chunk, appended at exit, carries its own clock, and on JDK 25 its samples and its
     * ActiveRecording/ActiveSetting events came out hours after the recording's (seen in DemoIT). The JDK's periodic
     * events span the recording anyway.
     */
    private static boolean isSample(String eventName) {
        return eventName.startsWith("profiler.") || eventName.equals("jdk.ExecutionSample")
                || eventName.equals("jdk.ActiveRecording") || eventName.equals("jdk.ActiveSetting");
    }

    void onJvmInformation(EventView event) {
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

    void onCpuInformation(EventView event) {
        cpus = event.getInt(JdkEvents.CPU_INFORMATION_HW_THREADS);
    }

    /** The first window marked (by start) is the one analyzed; the others are counted for a note. */
    void onObservedWindow(EventView event) {
        markers++;
        long start = event.startNanos();
        if (start < markerStartNanos) {
            markerStartNanos = start;
            markerEndNanos = Math.max(start, event.endNanos());
            markerSource = stringField(event, TurnstileEvents.OBSERVED_WINDOW_SOURCE);
            markerLabel = stringField(event, TurnstileEvents.OBSERVED_WINDOW_LABEL);
        }
    }

    private static String stringField(EventView event, String field) {
        return event.hasField(field) ? event.getString(field) : null;
    }

    void onAgentStart(EventView event) {
        agent = new RecordingInfo.AgentInfo(event.getString(TurnstileEvents.AGENT_START_AGENT_VERSION),
                event.getInt(TurnstileEvents.AGENT_START_SCHEMA_VERSION));
        agentReadyNanos = event.startNanos();
        String modules = event.hasField(TurnstileEvents.AGENT_START_MODULES)
                ? event.getString(TurnstileEvents.AGENT_START_MODULES) : null;
        locksInstrumented = modules != null && java.util.Arrays.asList(modules.split(",")).contains(
                TurnstileEvents.MODULE_LOCKS);
        schedulerCounters = event.hasField(TurnstileEvents.AGENT_START_SCHEDULER_COUNTERS)
                ? event.getString(TurnstileEvents.AGENT_START_SCHEDULER_COUNTERS) : null;
        String options = event.getString(TurnstileEvents.AGENT_START_OPTIONS);
        schedPeriodNanos = schedPeriodOf(options);
        sleepsWithoutStacks = "off".equals(optionOf(options, "sleepstacks"));
    }

    /** The period in the agent's options as it describes them ({@code ...,sched=1000ms}); 0 if not there. */
    static long schedPeriodOf(String options) {
        String period = optionOf(options, "sched");
        if (period == null || !period.endsWith("ms")) {
            return 0;
        }
        try {
            return Long.parseLong(period.substring(0, period.length() - 2)) * 1_000_000L;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The value of {@code key=value} in the agent's options as it describes them; null if not there. */
    private static String optionOf(String options, String key) {
        if (options == null) {
            return null;
        }
        for (String option : options.split(",")) {
            if (option.startsWith(key + "=")) {
                return option.substring(key.length() + 1);
            }
        }
        return null;
    }

    boolean hasEvents() {
        return firstNanos <= lastNanos;
    }

    /**
     * Whether the marked window is the observed one. The agent's own recording of a whole JVM holds the markers of
     * the tests that ran in it too (JFR writes an event into every recording running at the time): it has the agent's
     * start, and its window is the whole run.
     */
    private boolean usesMarker() {
        return markers > 0 && agent == null;
    }

    /** Epoch nanoseconds where the observed window starts. */
    long windowStartNanos() {
        if (usesMarker()) {
            return markerStartNanos;
        }
        return agentReadyNanos != Long.MIN_VALUE && agentReadyNanos <= lastNanos ? agentReadyNanos : firstNanos;
    }

    private long windowEndNanos() {
        return usesMarker() ? markerEndNanos : lastNanos;
    }

    long windowNanos() {
        return hasEvents() ? windowEndNanos() - windowStartNanos() : 0;
    }

    /** The observed window in epoch nanoseconds; empty (0, 0) for a recording without events. */
    Window window() {
        return hasEvents() ? new Window(windowStartNanos(), windowEndNanos()) : new Window(0, 0);
    }

    /** The agent's events are in the recording, with or without its start event. */
    boolean hasAgentEvents() {
        return agent != null || agentEvents;
    }

    /** What the reader should know about the window and the agent's start-up facts, one sentence each. */
    List<String> notes() {
        List<String> notes = new java.util.ArrayList<>();
        if (readStopped != null) {
            notes.add(readStopped);
        }
        if (unreadableEvents > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "%,d events were skipped, partly read: they lack or hold with"
                    + " another type a field the analyzer reads (first: %s). The recording is damaged, or was written"
                    + " by a version whose events differ.", unreadableEvents, firstUnreadable));
        }
        String by = markerSource == null || markerSource.isBlank() ? "its writer" : "the " + markerSource + " marker";
        if (usesMarker()) {
            String label = markerLabel == null || markerLabel.isBlank() ? "" : " (" + markerLabel + ")";
            notes.add("The observed window is the one marked by " + by + label + ": events that began before it"
                    + " count from its start.");
            if (markers > 1) {
                notes.add("The recording marks " + markers + " observed windows (turnstile.ObservedWindow): the first"
                        + " is analyzed.");
            }
        } else if (markers > 0) {
            notes.add("The recording holds " + markers + " windows marked inside it (turnstile.ObservedWindow, e.g."
                    + " tests' bodies): it is the agent's own and is analyzed whole, from the agent's start.");
        }
        if (sleepsWithoutStacks) {
            notes.add("Sleeps were recorded without their stacks (sleepstacks=off): a wait chain that ends in a"
                    + " sleeping thread does not say where it sleeps.");
        }
        if (agent == null && agentEvents) {
            notes.add(markers > 0
                    ? "Recorded around a part of the run: the agent's events are here, but its start-up facts"
                        + " (version, options, instrumented modules) are in the JVM's main recording."
                    : "The agent's events are here but not its start (turnstile.AgentStart): its version, options and"
                        + " instrumented modules are unknown.");
        }
        return notes;
    }

    int cpus() {
        return cpus;
    }

    boolean hasAgent() {
        return agent != null;
    }

    String schedulerCounters() {
        return schedulerCounters;
    }

    long schedPeriodNanos() {
        return schedPeriodNanos;
    }

    boolean locksInstrumented() {
        return locksInstrumented;
    }

    RecordingInfo info(String file, List<String> notes, List<String> sources) {
        Instant start = hasEvents() ? Instant.ofEpochSecond(0, windowStartNanos()) : null;
        return new RecordingInfo(file, jvmName, jvmVersion, start, windowNanos(), cpus, agent, notes, sources);
    }
}
