package dev.turnstile.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * Virtual threads over the recording (DESIGN.md, "Virtual threads").
 *
 * @param started       virtual threads started (jdk.VirtualThreadStart; on by the agent, off in the JDK's settings)
 * @param pinned        periods a virtual thread blocked while pinned to its carrier, at or above the threshold
 * @param pinnedReasons pinned periods per reason (JDK 24+; "unknown" before)
 * @param pinnedStacks  where they were pinned, heaviest first
 * @param carriers      distinct carrier threads seen in pinned periods (JDK 24+), 0 if unknown
 * @param submitFailed  virtual threads the scheduler could not take
 * @param monitorBlocked periods virtual threads were blocked entering a monitor, unmounted (JDK 24+ with the agent)
 */
public record VirtualThreadsReport(long started, Distribution pinned, Map<String, Long> pinnedReasons,
                                   List<StackSummary> pinnedStacks, int carriers, long submitFailed,
                                   Distribution monitorBlocked) {
    public static final VirtualThreadsReport EMPTY = new VirtualThreadsReport(0, Distribution.EMPTY, Map.of(),
            List.of(), 0, 0, Distribution.EMPTY);

    public VirtualThreadsReport {
        pinnedReasons = Map.copyOf(pinnedReasons);
        pinnedStacks = List.copyOf(pinnedStacks);
    }
}
