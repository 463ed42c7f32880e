package dev.turnstile.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * async-profiler's native library, for {@code -agentpath}: the async-profiler jar beside benchmarks.jar carries one
 * per platform, and the JVM loads it only from a file.
 */
final class AsyncProfilerLibrary {
    private AsyncProfilerLibrary() {
    }

    /** Copies this platform's library out of {@code jar} into {@code directory} and returns its path. */
    static Path extract(Path jar, Path directory) throws IOException {
        String entryName = platform() + "/libasyncProfiler.so";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IllegalStateException("no " + entryName + " in " + jar);
            }
            Path library = directory.resolve("libasyncProfiler.so");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            }
            return library;
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (os.contains("mac")) {
            return "macos";
        }
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "linux-x64";
        }
        if (os.contains("linux") && arch.equals("aarch64")) {
            return "linux-arm64";
        }
        throw new IllegalStateException("async-profiler has no library for " + os + " " + arch);
    }
}
