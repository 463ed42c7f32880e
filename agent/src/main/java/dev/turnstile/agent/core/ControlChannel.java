package dev.turnstile.agent.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The agent's side of an attach session's control channel: a directory that {@code turnstile attach} creates for
 * this JVM, readable and writable by the user alone, where each side drops small marker files for the other. No
 * socket, no port: the directory's permissions are the only access control, and a file survives either side
 * dying, so the other can tell what happened. The contract, mirrored by the CLI and documented in
 * docs/attach.md:
 * <ul>
 * <li>{@code started} (agent): the recording runs; its file, the JFR repository, the modules;</li>
 * <li>{@code failed} (agent): the agent did not start; why;</li>
 * <li>{@code stop} (CLI): stop recording and detach;</li>
 * <li>{@code stopped} (agent): done; the recording's file and whether every class was restored.</li>
 * </ul>
 * Markers are Java properties files, written under a temporary name and renamed, so a reader never sees half of one.
 */
final class ControlChannel {
    static final String STARTED = "started";
    static final String FAILED = "failed";
    static final String STOP = "stop";
    static final String STOPPED = "stopped";

    private final Path dir;

    ControlChannel(Path dir) {
        this.dir = dir;
    }

    boolean stopRequested() {
        return Files.exists(dir.resolve(STOP));
    }

    /** False once the directory is gone: whoever removed it wants no more of this session. */
    boolean exists() {
        return Files.isDirectory(dir);
    }

    /** @return false if the marker could not be written (the directory was removed, the disk is full) */
    boolean write(String marker, Map<String, String> values) {
        Properties properties = new Properties();
        values.forEach((key, value) -> properties.setProperty(key, value == null ? "" : value));
        Path partial = dir.resolve("." + marker + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                properties.store(out, "turnstile attach: " + marker);
            }
            try {
                Files.move(partial, dir.resolve(marker), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, dir.resolve(marker), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Removes the directory, for a session nobody will read any more (its owner is gone). */
    void deleteQuietly() {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // left behind: the CLI treats a directory of a finished session as stale
                }
            });
            Files.deleteIfExists(dir);
        } catch (IOException | RuntimeException ignored) {
            // as above
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
