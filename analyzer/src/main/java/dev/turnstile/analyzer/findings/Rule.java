package dev.turnstile.analyzer.findings;

import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import java.util.List;

/** One question asked of the model; each answer that is "yes" is a finding with its evidence. */
public interface Rule {
    List<Finding> evaluate(RecordingInfo recording, List<LockReport> locks);
}
