package dev.turnstile.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The disk repository of the program that {@code turnstile run} records: the folder where JFR writes the recording's
 * chunks as it goes, before it copies them to the recording's file when the program exits. Turnstile looks there when
 * that file is never written or is cut short: the program was killed (JFR then leaves the chunks behind), or the
 * output directory became read-only or full before the program exited (JFR then deletes the chunks it could not copy).
 * For the second case the chunks are hard-linked into a folder of turnstile's own beside them while the program runs,
 * which costs no space and keeps them when JFR deletes its names for them.
 *
 * <p>JFR makes the repository in the program's temporary directory, or in the base its
 * {@code -XX:FlightRecorderOptions} names, as a folder named after the time and the program's pid. Turnstile reads
 * those settings from the command line and the JVM's option variables rather than set them: any
 * {@code -XX:FlightRecorderOptions} would replace the program's own (HotSpot keeps the last one), start JFR before the
 * agent does, and add the {@code jdk.jfr} module to a program that limited its modules.
 */
final class JfrRepository implements AutoCloseable {
    private static final String JFR_OPTIONS = "-XX:FlightRecorderOptions";
    private static final String TMPDIR = "-Djava.io.tmpdir=";
    private static final long WATCH_MILLIS = 250;

    /** Where JFR makes the program's repository. */
    private final Path base;
    /** Turnstile's folder beside the repository, for hard links to every chunk seen; null if it could not be made. */
    private Path kept;
    /** False once links turned out impossible (a file system without hard links). */
    private boolean linking = true;
    private final Set<String> linked = new HashSet<>();
    private volatile long pid = -1;
    private volatile Instant startedAt = Instant.now();
    private Path found;
    private volatile boolean closed;
    private boolean leave;
    private Thread watcher;

    private JfrRepository(Path base) {
        this.base = base;
    }

    /** The repository of the program {@code command} (a java command line) starts, run with this environment. */
    static JfrRepository forCommand(List<String> command) {
        return new JfrRepository(base(command, System::getenv));
    }

    /**
     * The folder JFR makes the repository in: the last repository a {@code -XX:FlightRecorderOptions} names, else the
     * last {@code -Djava.io.tmpdir}, else the temporary directory turnstile itself has (the platform's default). The
     * JVM reads {@code JAVA_TOOL_OPTIONS} first, then {@code JDK_JAVA_OPTIONS}, the command line, and
     * {@code _JAVA_OPTIONS} last.
     */
    static Path base(List<String> command, UnaryOperator<String> environment) {
        List<String> options = new ArrayList<>();
        options.addAll(words(environment.apply("JAVA_TOOL_OPTIONS")));
        options.addAll(words(environment.apply("JDK_JAVA_OPTIONS")));
        int main = ProgramName.mainIndex(command);
        options.addAll(command.subList(Math.min(1, command.size()), main < 0 ? command.size() : main));
        options.addAll(words(environment.apply("_JAVA_OPTIONS")));
        String repository = null;
        String tmpdir = null;
        for (String option : options) {
            if (option.startsWith(TMPDIR)) {
                tmpdir = option.substring(TMPDIR.length());
            } else if (option.length() > JFR_OPTIONS.length() && option.startsWith(JFR_OPTIONS)
                    && (option.charAt(JFR_OPTIONS.length()) == '=' || option.charAt(JFR_OPTIONS.length()) == ':')) {
                repository = null; // the last option replaces the earlier ones whole
                for (String setting : option.substring(JFR_OPTIONS.length() + 1).split(",")) {
                    if (setting.startsWith("repository=")) {
                        repository = setting.substring("repository=".length());
                    }
                }
            }
        }
        String chosen = repository != null ? repository : tmpdir != null ? tmpdir
                : System.getProperty("java.io.tmpdir");
        return Path.of(chosen).toAbsolutePath();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    /** Starts keeping the chunks of the JVM with this pid. */
    synchronized void watch(long programPid, Instant programStart) {
        pid = programPid;
        startedAt = programStart;
        try {
            kept = Files.createTempDirectory(base, "turnstile-kept-");
        } catch (IOException | RuntimeException e) {
            kept = null; // a base turnstile cannot write in: only a killed program's chunks can be read
        }
        watcher = new Thread(() -> {
            while (!closed) {
                keepChunks();
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "turnstile-keep-chunks");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Links the chunks not linked yet; the last call comes after the program exited, for what appeared since. */
    synchronized void keepChunks() {
        Path repository = repository().orElse(null);
        if (kept == null || !linking || repository == null) {
            return;
        }
        try (Stream<Path> files = Files.list(repository)) {
            for (Path chunk : files.filter(JfrRepository::isChunk).toList()) {
                String name = chunk.getFileName().toString();
                if (linked.contains(name)) {
                    continue;
                }
                try {
                    Files.createLink(kept.resolve(name), chunk);
                } catch (FileAlreadyExistsException | NoSuchFileException e) {
                    // linked before, or deleted by JFR meanwhile: nothing more to keep of it
                }
                linked.add(name);
            }
        } catch (NoSuchFileException e) {
            // JFR removed its repository as the program exited
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            linking = false; // no hard links here: only a killed program's chunks can be read
        }
    }

    /**
     * The program's repository, once its JFR made it: named after its pid, and made after it started (a folder a killed
     * JVM with the same pid left long ago is not it).
     */
    synchronized Optional<Path> repository() {
        if (found != null || pid < 0) {
            return Optional.ofNullable(found);
        }
        String suffix = "_" + pid;
        long since = startedAt.minusSeconds(2).toEpochMilli(); // file system clocks can be coarse
        try (Stream<Path> folders = Files.list(base)) {
            found = folders.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> Files.isDirectory(f) && lastModified(f) >= since)
                    .max(Comparator.comparingLong(JfrRepository::lastModified)).orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            found = null;
        }
        return Optional.ofNullable(found);
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The folder to recover chunks from: the links kept, or else the repository a killed JVM left; null if none. */
    synchronized Path chunks() {
        keepChunks();
        if (kept != null && linking && hasChunks(kept)) {
            return kept;
        }
        return repository().filter(JfrRepository::hasChunks).orElse(null);
    }

    /** The chunks could not be recovered anywhere: do not delete them when the run is over. */
    synchronized void leaveInPlace() {
        leave = true;
    }

    /**
     * Stops watching, and removes turnstile's folder of links and the repository a killed program left (unless they
     * must stay).
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = watcher;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (kept != null && !leave) {
                deleteTree(kept);
            }
            Path killed = found;
            if (killed != null && !leave && Files.isDirectory(killed)) {
                // A killed JVM's repository stays in the temporary directory for good; it was recovered, or was empty.
                deleteTree(killed);
            }
        }
    }

    private static boolean isChunk(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".jfr") || name.endsWith(".part"));
    }

    private static boolean hasChunks(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(JfrRepository::isChunk);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left for the system's temporary-file cleaner
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // left for the system's temporary-file cleaner
        }
    }
}
