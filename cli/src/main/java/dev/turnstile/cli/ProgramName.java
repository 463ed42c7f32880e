package dev.turnstile.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A short name for a java command line, to name its recording: the jar or the main class. */
final class ProgramName {
    /** Launcher options whose value is the next argument. */
    private static final Set<String> TAKES_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path", "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-reads",
            "--add-exports", "--add-opens", "--patch-module", "--enable-native-access");

    private ProgramName() {
    }

    static String of(List<String> command) {
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            String next = i + 1 < command.size() ? command.get(i + 1) : null;
            if (next != null && arg.equals("-jar")) {
                String file = Path.of(next).getFileName().toString();
                return clean(file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file);
            }
            if (next != null && (arg.equals("-m") || arg.equals("--module"))) {
                return clean(simpleName(next.substring(next.indexOf('/') + 1)));
            }
            if (TAKES_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return clean(simpleName(arg));
            }
        }
        return "program";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Keeps names safe in file names and agent options (which are comma-separated). */
    private static String clean(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "program" : safe;
    }
}
