package dev.turnstile.agent.core.profiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The profiler's private temporary folder: its library while it loads, its samples, its module. A session removes its
 * folder when it ends; a JVM killed with SIGKILL cannot, so each folder is named after its JVM's pid, and a later
 * session removes the folders of JVMs that are gone. Only folders untouched for a day go: a JVM whose pid this one
 * cannot see (another PID namespace sharing /tmp) may still be writing samples into a recent one. Pids come from
 * /proc, not ProcessHandle, which would wake the JDK's process machinery in a program that spawns nothing; without
 * /proc (macOS) folders carry no pid and nothing is swept.
 */
final class SessionFolder {
    private static final String PREFIX = "turnstile-profiler-";
    private static final Path PROC = Path.of("/proc");
    static final long ABANDONED_AFTER_MILLIS = TimeUnit.DAYS.toMillis(1);

    private SessionFolder() {
    }

    /** A new folder, this user's only, after removing what killed sessions left behind. */
    static Path create() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        removeAbandoned(temp, System.currentTimeMillis());
        long pid = currentPid();
        return Files.createTempDirectory(temp, pid > 0 ? PREFIX + pid + "-" : PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    static void removeAbandoned(Path temp, long now) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path folder : folders) {
                long pid = pidOf(folder.getFileName().toString());
                boolean gone = pid > 0 && !Files.isDirectory(PROC.resolve(Long.toString(pid)));
                if (gone && now - lastModified(folder) > ABANDONED_AFTER_MILLIS) {
                    delete(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable temporary directory: left for the system's temporary-file cleaner
        }
    }

    /** This JVM's pid as /proc names it, or -1 without /proc. */
    static long currentPid() {
        try {
            return Long.parseLong(PROC.resolve("self").toRealPath().getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The pid in "turnstile-profiler-PID-RANDOM", or -1 for any other name (folders of older versions). */
    static long pidOf(String name) {
        int end = name.indexOf('-', PREFIX.length());
        if (end < 0) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The newest modification time of the folder or anything in it; "now and forever" when it cannot be read. */
    private static long lastModified(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.mapToLong(file -> {
                try {
                    return Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max().orElse(Long.MAX_VALUE);
        } catch (IOException | UncheckedIOException e) {
            return Long.MAX_VALUE; // cannot tell (another user's, say): keep it
        }
    }

    static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left for the system's temporary-file cleaner
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleaner
        }
    }
}
