package dev.turnstile.agent.core;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The options {@code turnstile attach} adds to the agent's, taken out of the option text before {@link AgentOptions}
 * reads the rest:
 * <ul>
 * <li>{@code control=DIR}: the session's control directory (see {@link ControlChannel}); its presence is what tells
 *     the agent it was attached and must be able to detach;</li>
 * <li>{@code owner=PID}: the turnstile process that holds the session. If it disappears without asking the agent to
 *     stop (killed), the agent stops and detaches by itself rather than record forever.</li>
 * </ul>
 */
final class AttachOptions {
    /** The control directory, or null when the agent was not loaded by {@code turnstile attach}. */
    final Path control;
    /** Process id of the session's owner, or 0 if none was given. */
    final long owner;
    /** Everything else, as given. */
    final String agentOptions;

    private AttachOptions(Path control, long owner, String agentOptions) {
        this.control = control;
        this.owner = owner;
        this.agentOptions = agentOptions;
    }

    static AttachOptions split(String text) {
        Path control = null;
        long owner = 0;
        List<String> rest = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String option : text.split(",")) {
                String trimmed = option.trim();
                if (trimmed.startsWith("control=") && trimmed.length() > "control=".length()) {
                    control = Paths.get(trimmed.substring("control=".length()));
                } else if (trimmed.startsWith("owner=")) {
                    owner = parsePid(trimmed.substring("owner=".length()));
                } else {
                    rest.add(option);
                }
            }
        }
        return new AttachOptions(control, owner, String.join(",", rest));
    }

    private static long parsePid(String text) {
        try {
            return Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean attached() {
        return control != null;
    }
}
