package dev.turnstile.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * What Linux's /proc tells about a process without touching it: its owner, command line, environment, executable
 * and mapped libraries. Everything is optional: the process may have exited meanwhile, belong to another user
 * (most of these files are then unreadable), or the system may have no /proc at all.
 */
final class ProcFs {
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {
    }

    static boolean available() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** Process ids of every process visible here. */
    static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> pids.add(Long.parseLong(n)));
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to add
        }
        return pids;
    }

    /** The effective user id, from the status file (readable for every process). */
    static OptionalInt uid(long pid) {
        return ids(pid, "Uid:");
    }

    private static OptionalInt ids(long pid, String field) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(pid + "/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(field)) {
                    String[] ids = line.substring(field.length()).trim().split("\\s+");
                    return OptionalInt.of(Integer.parseInt(ids[ids.length > 1 ? 1 : 0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or unreadable
        }
        return OptionalInt.empty();
    }

    /** The user name owning the process, if the system can name it. */
    static Optional<String> userName(long pid) {
        try {
            return Optional.of(Files.getOwner(PROC.resolve(String.valueOf(pid))).getName());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The arguments the process was started with; empty if unreadable. */
    static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(pid + "/cmdline"));
            return split(raw);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** One variable of the process's initial environment, if readable (same user or root). */
    static Optional<String> environment(long pid, String name) {
        try {
            for (String entry : split(Files.readAllBytes(PROC.resolve(pid + "/environ")))) {
                if (entry.startsWith(name + "=")) {
                    return Optional.of(entry.substring(name.length() + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable
        }
        return Optional.empty();
    }

    /** The executable the process runs, if readable. */
    static Optional<Path> executable(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(PROC.resolve(pid + "/exe")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The process's short name (comm), readable for every process. */
    static Optional<String> name(long pid) {
        try {
            return Optional.of(Files.readString(PROC.resolve(pid + "/comm")).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process has HotSpot's library mapped: true for every HotSpot JVM whatever launched it. Empty when
     * the maps are unreadable (another user's process).
     */
    static Optional<Boolean> mapsJvmLibrary(long pid) {
        try (Stream<String> lines = Files.lines(PROC.resolve(pid + "/maps"), StandardCharsets.UTF_8)) {
            return Optional.of(lines.anyMatch(line -> line.endsWith("/libjvm.so")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> split(byte[] raw) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                parts.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            parts.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
        }
        return parts;
    }
}
