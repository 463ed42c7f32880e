package dev.turnstile.agent.core.profiler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/** async-profiler's native library for this platform, as the agent jar carries it. */
final class BundledLibrary {
    static final String FILE_NAME = "libasyncProfiler.so";
    /** Where the build puts the libraries; the agent's loader finds them under the jar's inst/ folder. */
    private static final String RESOURCE_FOLDER = "async-profiler/";

    private BundledLibrary() {
    }

    /** The folder name async-profiler's jar uses for this OS and CPU, or null when it has no library for them. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return "linux-x64";
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return "linux-arm64";
            }
            return null;
        }
        return os.contains("mac") ? "macos" : null;
    }

    /** Copies the library into {@code dir}, readable by this user only; the caller loads and then deletes it. */
    static Path extract(Path dir) throws IOException {
        String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (platform == null) {
            throw new IOException("no async-profiler library for " + System.getProperty("os.name") + " on "
                    + System.getProperty("os.arch"));
        }
        String resource = RESOURCE_FOLDER + platform + "/" + FILE_NAME;
        Path target = dir.resolve(FILE_NAME);
        try (InputStream in = BundledLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the agent jar lacks " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        return target;
    }
}
