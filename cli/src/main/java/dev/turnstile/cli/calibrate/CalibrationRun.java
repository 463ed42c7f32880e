package dev.turnstile.cli.calibrate;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.calibration.Calibration.Cost;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one calibrate run found, one row per {@link Probe} in the probes' order. */
public record CalibrationRun(Instant measured, String machine, List<Measurement> measurements) {
    public CalibrationRun {
        measurements = List.copyOf(measurements);
    }

    public Measurement of(Probe probe) {
        return measurements.stream().filter(m -> m.probe() == probe).findFirst().orElseThrow();
    }

    /** The figure the analyzer multiplies switch counts by. */
    public static final Probe SWITCH_COST = Probe.HANDOFF_SAME_CPU;

    /** What {@code --save} stores: the measured figures only, so the others keep falling back to the defaults. */
    public Calibration toCalibration() {
        Map<Cost, Long> costs = new EnumMap<>(Cost.class);
        for (Measurement m : measurements) {
            if (m.isMeasured()) {
                costs.put(m.probe().cost, m.savedNanos());
            }
        }
        return new Calibration(costs, measured, machine);
    }
}
