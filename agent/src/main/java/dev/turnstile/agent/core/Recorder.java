package dev.turnstile.agent.core;

import dev.turnstile.agent.core.profiler.ProfilerSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The one JFR recording of an agent session, with Turnstile's settings. JFR itself writes it to the
 * destination when the JVM exits (normal exit, System.exit, SIGTERM), through its own shutdown hook.
 */
final class Recorder {
    static final String SETTINGS = "turnstile.jfc";
    private static final String SCHEDULING = "turnstile.ThreadScheduling";
    private static final String SLEEP = "jdk.ThreadSleep";
    /** Socket I/O keeps the settings' own threshold: see turnstile.jfc. */
    private static final Set<String> FIXED_THRESHOLDS = Set.of("jdk.SocketRead#threshold", "jdk.SocketWrite#threshold");

    private Recorder() {
    }

    static Recording start(AgentOptions options) throws IOException, ParseException {
        Map<String, String> settings = new HashMap<>(settings().getSettings());
        String threshold = options.thresholdNanos + " ns";
        settings.replaceAll((key, value) -> key.endsWith("#threshold") && !FIXED_THRESHOLDS.contains(key)
                ? threshold : value);
        if (options.schedPeriodNanos == 0) {
            settings.put(SCHEDULING + "#enabled", "false");
        } else {
            settings.put(SCHEDULING + "#period", options.schedPeriodNanos / 1_000_000 + " ms");
        }
        if (!options.sleepStacks) {
            settings.put(SLEEP + "#stackTrace", "false");
        }
        // async-profiler's CPU samples replace the JDK's; without them, the JDK's are the CPU profile
        settings.put(ProfilerSession.JDK_EXECUTION_SAMPLE + "#enabled", String.valueOf(!options.profiler.cpu()));

        Recording recording = new Recording(settings);
        // The JUnit extension finds the agent by this name and records test bodies with this recording's settings.
        recording.setName("Turnstile");
        recording.setToDisk(true);
        recording.setDumpOnExit(true);
        recording.setDestination(options.file);
        recording.start();
        return recording;
    }

    private static Configuration settings() throws IOException, ParseException {
        InputStream in = Recorder.class.getResourceAsStream(SETTINGS);
        if (in == null) {
            throw new IOException(SETTINGS + " is missing from the agent jar");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Configuration.create(reader);
        }
    }
}
