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
        int main = mainIndex(command);
        if (main < 0) {
            return "program";
        }
        String word = command.get(main);
        if (command.get(main - 1).equals("-jar")) {
            String file = Path.of(word).getFileName().toString();
            return clean(file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file);
        }
        if (command.get(main - 1).equals("-m") || command.get(main - 1).equals("--module")) {
            return clean(simpleName(word.substring(word.indexOf('/') + 1)));
        }
        return clean(simpleName(word));
    }

    /** A short name for a program known by its main class or jar (as {@link #mainOf} gives it). */
    static String ofMain(String main) {
        if (main == null || main.equals("?")) {
            return "program";
        }
        return clean(main.endsWith(".jar") ? main.substring(0, main.length() - 4) : simpleName(main));
    }

    /**
     * What a java command line runs, as a person would name it: the main class, the jar's file name, or the
     * module's main class; null if none is given.
     */
    static String mainOf(List<String> command) {
        int main = mainIndex(command);
        if (main < 0) {
            return null;
        }
        String word = command.get(main);
        String before = command.get(main - 1);
        if (before.equals("-jar")) {
            return Path.of(word).getFileName().toString();
        }
        return before.equals("-m") || before.equals("--module") ? word.substring(word.indexOf('/') + 1) : word;
    }

    /**
     * Index of the word naming the program (the main class, the jar after -jar, the module after -m): everything
     * before it is the launcher's options; -1 if there is none.
     */
    static int mainIndex(List<String> command) {
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            boolean hasNext = i + 1 < command.size();
            if (hasNext && (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module"))) {
                return i + 1;
            }
            if (TAKES_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return i;
            }
        }
        return -1;
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
