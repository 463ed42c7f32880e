package dev.turnstile.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Whether the text report on stdout is coloured; shared by the commands that print one. */
final class ColorOption {
    enum When { AUTO, ALWAYS, NEVER }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", converter = WhenConverter.class,
            description = "Colour the text report: auto (when stdout is a terminal and NO_COLOR is not set), always,"
                    + " or never (default: ${DEFAULT-VALUE}).")
    When when = When.AUTO;

    /**
     * For a report on stdout. As no-color.org asks, a non-empty NO_COLOR switches automatic colour off, and an explicit
     * {@code --color=always} still wins over it. TERM=dumb terminals get none either.
     */
    boolean forStdout() {
        return switch (when) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> !isSet("NO_COLOR") && !"dumb".equals(System.getenv("TERM")) && Terminal.stdoutIsTerminal();
        };
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isEmpty();
    }

    static final class WhenConverter implements ITypeConverter<When> {
        @Override
        public When convert(String value) {
            try {
                return When.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of auto, always, never");
            }
        }
    }
}
