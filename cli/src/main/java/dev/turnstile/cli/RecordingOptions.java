package dev.turnstile.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where recordings go and how much they hold; shared by every command that records. */
final class RecordingOptions {
    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "Where to keep the recording (default: the current directory).")
    Path outputDir;

    @Option(names = "--threshold", paramLabel = "DURATION",
            description = "Shortest wait recorded with its stack, e.g. 20us, 1ms (default: 100us).")
    String threshold;
}
