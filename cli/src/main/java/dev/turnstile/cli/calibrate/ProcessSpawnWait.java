package dev.turnstile.cli.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Starts a process that exits at once and waits for it, with ProcessBuilder's default pipes: what a Java program
 * pays to run a command, before the command does anything.
 */
final class ProcessSpawnWait implements Operation {
    private final ProcessBuilder builder;

    ProcessSpawnWait() {
        builder = new ProcessBuilder(doNothingCommand());
    }

    /** The cheapest command that exists on this platform and succeeds. */
    static List<String> doNothingCommand() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return List.of("cmd.exe", "/c", "exit", "0");
        }
        for (String candidate : new String[] {"/bin/true", "/usr/bin/true"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return List.of(candidate);
            }
        }
        throw new IllegalStateException("neither /bin/true nor /usr/bin/true exists");
    }

    @Override
    public double nanosEach(int count) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Process process = builder.start();
            process.waitFor();
            // Closed here rather than left to the cleaner, so a long batch cannot run out of file descriptors.
            process.getOutputStream().close();
            process.getInputStream().close();
            process.getErrorStream().close();
        }
        return (double) (System.nanoTime() - start) / count;
    }

    @Override
    public String note() {
        return String.join(" ", builder.command());
    }
}
