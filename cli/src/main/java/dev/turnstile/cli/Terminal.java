package dev.turnstile.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether turnstile's output goes to a person at a terminal, which decides colours and the progress bar. */
final class Terminal {
    private Terminal() {
    }

    /** Stdout (and stdin) are a terminal: Java's console exists, and on JDK 22+, where it always does, says it is one. */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Java cannot ask about stderr alone; on Linux its file descriptor tells, elsewhere stdout's answer stands in. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return stdoutIsTerminal();
        }
    }
}
