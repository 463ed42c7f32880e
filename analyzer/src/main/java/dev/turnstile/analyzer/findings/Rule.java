package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Finding;
import java.util.List;

/** One question asked of the model; each answer that is "yes" is a finding with its evidence. */
public interface Rule {
    /** @param analysis the model without findings yet */
    List<Finding> evaluate(Analysis analysis);
}
