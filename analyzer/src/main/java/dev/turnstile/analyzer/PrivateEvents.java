package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JDK's events that hold what Turnstile never records: environment variables, system properties and command lines
 * as the program wrote them. The agent's settings leave them off, but JFR shares event data between the recordings
 * that run in one JVM at the same time, so a program that also runs a recording of its own (-XX:StartFlightRecording
 * with the JDK's default settings) puts them into Turnstile's file too. They are counted here for a note, never read.
 */
final class PrivateEvents {
    private long environmentVariables;
    private long systemProperties;
    private long commandLines;

    void onEnvironmentVariable(EventView event) {
        environmentVariables++;
    }

    void onSystemProperty(EventView event) {
        systemProperties++;
    }

    /** jdk.ProcessStart: the command line unredacted. */
    void onJdkProcessStart(EventView event) {
        commandLines++;
    }

    /**
     * A note for a recording the agent made, which users expect to be free of these; a plain JFR file has them by
     * its own settings, and the note would only repeat what its owner chose.
     */
    List<String> notes(boolean agentRecording) {
        List<String> held = new ArrayList<>();
        if (environmentVariables > 0) {
            held.add(count(environmentVariables, "environment variable", "environment variables",
                    JdkEvents.INITIAL_ENVIRONMENT_VARIABLE));
        }
        if (systemProperties > 0) {
            held.add(count(systemProperties, "system property", "system properties",
                    JdkEvents.INITIAL_SYSTEM_PROPERTY));
        }
        if (commandLines > 0) {
            held.add(count(commandLines, "unredacted command line", "unredacted command lines",
                    JdkEvents.PROCESS_START));
        }
        if (!agentRecording || held.isEmpty()) {
            return List.of();
        }
        String events = String.join(",", JdkEvents.INITIAL_ENVIRONMENT_VARIABLE, JdkEvents.INITIAL_SYSTEM_PROPERTY,
                JdkEvents.PROCESS_START);
        return List.of("Another recording ran in this JVM, and JFR put its events into this file too: "
                + String.join(", ", held) + ". No report shows them, but they may hold secrets: remove them before"
                + " sharing the file (JDK 19+: jfr scrub --exclude-events " + events + " FILE OUT).");
    }

    private static String count(long n, String singular, String plural, String event) {
        return String.format(Locale.ROOT, "%,d %s (%s)", n, n == 1 ? singular : plural, event);
    }
}
