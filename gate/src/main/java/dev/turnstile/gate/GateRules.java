package dev.turnstile.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed rules file (docs/gate.md): findings that must not appear, limits on metrics, and how baseline runs are
 * compared.
 */
public record GateRules(List<ForbiddenFinding> forbidden, List<Limit> limits, Significance significance) {
    public GateRules {
        forbidden = List.copyOf(forbidden);
        limits = List.copyOf(limits);
    }

    /** @throws GateException if the file cannot be read or is not a valid rules file; the message says where */
    public static GateRules read(Path file) throws GateException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new GateException(file + ": no such rules file");
        } catch (IOException e) {
            throw new GateException(file + ": cannot read the rules file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** @param source names the rules in error messages, e.g. the file name */
    public static GateRules parse(String yaml, String source) throws GateException {
        return new RulesParser(source).parse(yaml);
    }

    /** Whether any limit compares with a baseline, so a gate without one can say the limit was not applied. */
    public boolean hasRelativeLimits() {
        return limits.stream().anyMatch(Limit::relative);
    }
}
