package dev.turnstile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CLI's side of an attach session's control channel: {@code ${XDG_RUNTIME_DIR:-/tmp}/turnstile-<uid>/<pid>/},
 * a directory only its user can enter, where the CLI and the agent in JVM {@code pid} leave each other marker files
 * (the agent's side is its ControlChannel; the contract is in docs/attach.md):
 * <ul>
 * <li>{@code session} (CLI, before loading the agent): which turnstile process owns the session, and the target's
 *     start time, so a directory left by a JVM whose process id was reused is recognised as stale;</li>
 * <li>{@code started} or {@code failed} (agent): its answer to the load;</li>
 * <li>{@code stop} (CLI): stop recording and detach;</li>
 * <li>{@code stopped} (agent): done, with the recording's file and how many classes were restored.</li>
 * </ul>
 * Creating the directory is what claims the JVM: two turnstile processes cannot both create it.
 */
final class SessionDirectory {
    static final String SESSION = "session";
    static final String STARTED = "started";
    static final String FAILED = "failed";
    static final String STOP = "stop";
    static final String STOPPED = "stopped";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Duration POLL = Duration.ofMillis(50);

    private final Path dir;

    private SessionDirectory(Path dir) {
        this.dir = dir;
    }

    Path path() {
        return dir;
    }

    /** Where this user's sessions live; a second place is looked at too, for a shell without XDG_RUNTIME_DIR. */
    static List<Path> bases() {
        String uid = String.valueOf(ProcFs.uid(ProcessHandle.current().pid()).orElse(-1));
        List<Path> bases = new ArrayList<>();
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            bases.add(Path.of(runtime, "turnstile-" + uid));
        }
        bases.add(Path.of("/tmp", "turnstile-" + uid));
        return bases;
    }

    /** The session directory of a JVM, if one exists for this user. */
    static Optional<SessionDirectory> existing(long pid) {
        return bases().stream().map(base -> base.resolve(String.valueOf(pid))).filter(Files::isDirectory)
                .findFirst().map(SessionDirectory::new);
    }

    /**
     * True when a session is recording this JVM now: its agent answered, has not stopped, and the directory is this
     * process's (not left by an earlier process with the same id).
     */
    static boolean isRecording(long pid) {
        return existing(pid).map(d -> d.has(STARTED) && !d.has(STOPPED) && d.belongsToRunningTarget(pid))
                .orElse(false);
    }

    /**
     * Creates the session directory for {@code pid}, owned by this turnstile process.
     *
     * @throws UserError if another turnstile process records this JVM, or the directory cannot be made private
     */
    static SessionDirectory claim(long pid, Map<String, String> session) {
        Optional<SessionDirectory> earlier = existing(pid);
        if (earlier.isPresent()) {
            earlier.get().clearIfStale(pid);
        }
        Path base = privateBase();
        Path dir = base.resolve(String.valueOf(pid));
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw new UserError("JVM " + pid + " is being attached by another turnstile process right now; wait"
                    + " for it to finish, or stop it");
        } catch (IOException e) {
            throw new UserError("cannot create the control directory " + dir + " (" + e.getMessage() + ")");
        }
        SessionDirectory created = new SessionDirectory(dir);
        created.write(SESSION, session);
        return created;
    }

    /** Facts about a JVM's process that stay the same for its life: to tell it from a later one with its id. */
    static String startOf(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).map(i -> String.valueOf(i.toEpochMilli()))
                .orElse("");
    }

    private boolean belongsToRunningTarget(long pid) {
        return read(SESSION).map(s -> startOf(pid).equals(s.getProperty("targetStart"))).orElse(false);
    }

    /**
     * An earlier session of this JVM: stale (finished, or left by another process with the same id) is removed; a
     * session whose owner is still alive is someone else's recording; one whose owner died is ended by its agent in
     * a moment (it watches its owner), which is waited for.
     */
    private void clearIfStale(long pid) {
        if (has(STOPPED) || !belongsToRunningTarget(pid)) {
            delete();
            return;
        }
        Properties session = read(SESSION).orElseGet(Properties::new);
        String owner = session.getProperty("owner", "");
        if (!owner.isEmpty() && isAlive(owner, session.getProperty("ownerStart", ""))) {
            throw new UserError("JVM " + pid + " is already being recorded by turnstile attach (pid " + owner
                    + ", since " + session.getProperty("createdAt", "?") + "): stop that one first (Ctrl-C in its"
                    + " terminal), then attach again");
        }
        // Its owner is gone; its agent notices within a poll and detaches, which can take a few seconds.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.isDirectory(dir) && !has(STOPPED) && has(STARTED) && System.nanoTime() < deadline) {
            sleep(POLL.multipliedBy(4));
        }
        if (Files.isDirectory(dir) && has(STARTED) && !has(STOPPED)) {
            throw new UserError("JVM " + pid + " still has a Turnstile session whose turnstile process is gone and"
                    + " which did not stop within 20 s: try again in a moment");
        }
        delete();
    }

    private static boolean isAlive(String pid, String start) {
        try {
            long id = Long.parseLong(pid);
            return ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false) && startOf(id).equals(start);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** This user's base directory, created private if needed, and refused if anyone else could get into it. */
    private static Path privateBase() {
        Path base = bases().get(0);
        try {
            if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectories(base.getParent());
                    Files.createDirectory(base, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (FileAlreadyExistsException raced) {
                    // another turnstile process made it at the same moment: checked below like any other
                }
            }
            if (Files.isSymbolicLink(base) || !Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserError("the control directory " + base + " is not a directory: remove it");
            }
            int owner = (Integer) Files.getAttribute(base, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(base, LinkOption.NOFOLLOW_LINKS);
            if (owner != ProcFs.uid(ProcessHandle.current().pid()).orElse(owner) || !OWNER_ONLY.containsAll(permissions)) {
                throw new UserError("the control directory " + base + " must belong to you and be private (mode 700),"
                        + " but is owned by uid " + owner + " with mode " + PosixFilePermissions.toString(permissions)
                        + ": remove it, or set XDG_RUNTIME_DIR to a private directory");
            }
            return base;
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError("cannot prepare the control directory " + base + " (" + e.getMessage() + ")");
        }
    }

    boolean has(String marker) {
        return Files.exists(dir.resolve(marker));
    }

    Optional<Properties> read(String marker) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(marker))) {
            properties.load(in);
            return Optional.of(properties);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Written under a temporary name and renamed, so the agent never reads half of it. */
    void write(String marker, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
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
        } catch (IOException e) {
            throw new UserError("cannot write to the control directory " + dir + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Waits until the agent leaves one of {@code markers}, while {@code stillWorth} holds.
     *
     * @return the first marker found, or empty if time ran out or it stopped being worth waiting
     */
    Optional<String> await(Duration timeout, java.util.function.BooleanSupplier stillWorth, String... markers) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String marker : markers) {
                if (has(marker)) {
                    return Optional.of(marker);
                }
            }
            if (System.nanoTime() >= deadline || !stillWorth.getAsBoolean() || !Files.isDirectory(dir)) {
                return Optional.empty();
            }
            sleep(POLL);
        }
    }

    void delete() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // left behind: the next attach or ps sees it is stale and removes it
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
