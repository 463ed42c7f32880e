package dev.turnstile.bench;

import java.nio.file.Path;

/**
 * What every benchmark that launches programs needs: the JDK's {@code java} that runs them, the jars they come from
 * (this module's shaded jar and the agent beside it), and a scratch directory for recordings and logs.
 */
record BenchSetup(Path java, Path benchJar, Path agentJar, Path scratch) {
}
