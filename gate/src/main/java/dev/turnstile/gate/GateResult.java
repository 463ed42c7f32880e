package dev.turnstile.gate;

import java.util.List;

/**
 * Every check of one gate, in the order of the rules file.
 *
 * @param runs     the sources of the runs judged
 * @param baseline the sources of the baseline runs, empty without one
 */
public record GateResult(List<Check> checks, List<String> runs, List<String> baseline) {
    public GateResult {
        checks = List.copyOf(checks);
        runs = List.copyOf(runs);
        baseline = List.copyOf(baseline);
    }

    public boolean passed() {
        return checks.stream().noneMatch(Check::failed);
    }

    public List<Check> failures() {
        return checks.stream().filter(Check::failed).toList();
    }

    public long count(Check.Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }
}
