package dev.turnstile.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What every benchmark that launches programs needs: the JDK's {@code java} that runs them, the jars they come from
 * (this module's shaded jar and the agent beside it), and a scratch directory for recordings and logs.
 */
record BenchSetup(Path java, Path benchJar, Path agentJar, Path scratch) {
    /** Where the agent's jar holds its JFR settings. */
    private static final String AGENT_SETTINGS = "inst/dev/turnstile/agent/core/turnstile.jfc";

    /**
     * The agent's JFR settings file, copied out of its jar for the JDK to read: an arm that records what the agent
     * would have the JDK record, without the agent, tells the JDK's share of a cost from the agent's.
     */
    Path agentSettings() throws IOException {
        Path settings = scratch.resolve("turnstile.jfc");
        try (ZipFile jar = new ZipFile(agentJar.toFile())) {
            ZipEntry entry = jar.getEntry(AGENT_SETTINGS);
            if (entry == null) {
                throw new IllegalStateException(agentJar + " has no " + AGENT_SETTINGS);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, settings, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return settings;
    }
}
