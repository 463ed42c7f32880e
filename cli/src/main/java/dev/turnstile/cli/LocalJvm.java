package dev.turnstile.cli;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A JVM running on this machine, as far as it can be known without attaching to it.
 *
 * @param uid         the user it runs as, if known
 * @param user        that user's name, or "?"
 * @param main        its main class or jar, or "?"
 * @param javaVersion its Java version (from its JDK's release file), or null if unknown
 * @param vmOptions   the JVM options it was started with, in the order the JVM reads them (JAVA_TOOL_OPTIONS,
 *                    JDK_JAVA_OPTIONS, the command line's, _JAVA_OPTIONS): the last of two contradicting flags wins
 */
record LocalJvm(long pid, OptionalInt uid, String user, String main, String javaVersion, List<String> vmOptions) {

    /** The Java feature release (8, 17, 25...), or 0 if unknown. */
    int feature() {
        return feature(javaVersion);
    }

    static int feature(String version) {
        if (version == null || version.isBlank()) {
            return 0;
        }
        try {
            String[] parts = version.split("[.+-]");
            return Integer.parseInt(parts[0].equals("1") && parts.length > 1 ? parts[1] : parts[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The value of a boolean -XX flag as given (last one wins), or empty if it was not given. */
    Optional<Boolean> flag(String name) {
        Optional<Boolean> value = Optional.empty();
        for (String option : vmOptions) {
            if (option.equals("-XX:+" + name)) {
                value = Optional.of(true);
            } else if (option.equals("-XX:-" + name)) {
                value = Optional.of(false);
            }
        }
        return value;
    }

    boolean hasOption(String option) {
        return vmOptions.contains(option);
    }

    /** True when it was started under the agent ({@code turnstile run} or {@code -javaagent:turnstile-agent...}). */
    boolean startedWithAgent() {
        return vmOptions.stream().anyMatch(o -> o.startsWith("-javaagent:") && o.contains("turnstile-agent"));
    }

    String describe() {
        return "JVM " + pid + " (" + main + (javaVersion != null ? ", Java " + javaVersion : "") + ")";
    }
}
