package dev.turnstile.cli;

import dev.turnstile.testkit.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, to make a directory read-only or full the way a real disk becomes so (running as
 * root, no file permission stops a write; a read-only or full file system does). Mounting needs root or
 * CAP_SYS_ADMIN: where it is refused the test is skipped with the reason, and docs/faults.md has the same checks as a
 * script to run by hand. Closing unmounts it.
 */
final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 4m}, {@code 32k}) on a new directory under {@code parent}. */
    static Tmpfs mount(Path parent, String size) throws Exception {
        Path dir = Files.createTempDirectory(parent, "tmpfs");
        Command.Outcome mounted = mount("-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", dir.toString());
        Assumptions.assumeTrue(mounted.exitCode() == 0, () -> "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN),"
                + " so no read-only or full directory to test with; see docs/faults.md for the manual script: "
                + mounted.stderr().strip());
        return new Tmpfs(dir);
    }

    Path dir() {
        return dir;
    }

    /** From now on nothing can be written in it, not even by root. */
    void makeReadOnly() {
        Command.Outcome remounted = mount("-o", "remount,ro", dir.toString());
        if (remounted.exitCode() != 0) {
            throw new AssertionError("cannot remount " + dir + " read-only\n" + remounted.describe());
        }
    }

    /** A missing mount command is an exit code too: 127, as a shell would say. */
    private static Command.Outcome mount(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "mount";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            return Command.of((Object[]) command).timeout(Duration.ofSeconds(30)).run();
        } catch (java.io.UncheckedIOException e) {
            return new Command.Outcome(java.util.List.of(command), 127, "", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        Command.Outcome unmounted = Command.of("umount", dir).timeout(Duration.ofSeconds(30)).run();
        if (unmounted.exitCode() != 0) {
            // still in use by a process the test failed to stop: detach it now, the kernel frees it when unused
            Command.of("umount", "-l", dir).timeout(Duration.ofSeconds(30)).run();
        }
    }
}
