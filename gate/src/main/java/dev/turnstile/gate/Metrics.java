package dev.turnstile.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers of the JSON report (docs/json-report.md) that rules may limit, by section. The list is the report's
 * published contract written out once more, so that a misspelt metric is an error in the rules file even when the
 * report at hand has no subject to look it up in (no pools, say); a test checks it against real reports.
 */
final class Metrics {
    private static final List<String> DISTRIBUTION = List.of("count", "totalNanos", "p50Nanos", "p95Nanos",
            "p99Nanos", "maxNanos");
    private static final List<String> STATES = List.of("lifetimeNanos", "runningNanos", "runnableNanos",
            "blockedNanos", "parkedNanos", "waitingNanos", "sleepingNanos", "ioNanos", "otherNanos");
    /** Fields whose numbers are shares from 0 to 1; every {@code *Nanos} field is a duration. */
    private static final Set<String> SHARES = Set.of("busy", "utilisation", "runQueueShare", "cpuShare",
            "shortLivedShare", "contentionRate", "tasksCpuShare");

    private static final Map<Section, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        Set<String> none = Set.of();
        put(new Section("recording", false, none), List.of("durationNanos", "cpus"));
        put(new Section("locks", true, Set.of("lock", "site")), List.of("waits", "waitNanos", "maxWaitNanos",
                "meanWaiters", "busy", "waitingThreads", "usersParallelism", "meanHoldNanos", "utilisation",
                "throughputCeilingPerSecond", "speedupCeiling", "criticalSectionPressure", "contendedAcquisitions",
                "contendedPerSecond"));
        put(new Section("lockKinds", true, Set.of("lock")), List.of("acquisitions", "acquisitionsPerSecond",
                "contendedAcquisitions", "contentionRate"));
        put(new Section("herds", true, Set.of("lock", "site")), List.of("wakeups", "wastedWakeups", "notifies",
                "notifications", "wakeupsPerNotification", "wastedPerNotification", "wastedRunNanos",
                "waitingThreads"));
        put(new Section("pools", true, Set.of("pool")), with(List.of("submitted", "rejected", "started", "completed",
                "arrivalRate", "workers", "maxWorkers", "utilisation", "meanQueued", "maxQueued", "littleQueued",
                "tasksCpuShare", "suggestedWorkers"), "queueWait", "runTime"));
        put(new Section("threads", false, none), with(List.of("started", "startFailures", "startRate", "shortLived",
                "shortLivedShare", "peakLive"), "startCost", "lifetime"));
        put(new Section("processes", false, none), with(List.of("spawns", "failed", "spawnRate", "spawnShare"),
                "spawnLatency", "lifetime"));
        put(new Section("virtualThreads", false, none), with(List.of("started", "carriers", "submitFailed"),
                "pinned", "monitorBlocked"));
        List<String> scheduler = new ArrayList<>(List.of("samplePeriodNanos", "runQueueShare",
                "meanThreadsWantingCpu", "meanParallelism", "peakParallelism", "application.runQueueShare",
                "application.meanThreadsWantingCpu"));
        STATES.forEach(s -> scheduler.add("states." + s));
        STATES.forEach(s -> scheduler.add("application.states." + s));
        put(new Section("scheduler", false, none), scheduler);
        List<String> threadFields = List.of("runQueueShare", "cpuShare", "voluntarySwitches", "involuntarySwitches");
        List<String> groups = new ArrayList<>(threadFields);
        groups.addAll(List.of("threads", "switchesPerSecond", "switchCostNanos"));
        STATES.forEach(s -> groups.add("states." + s));
        put(new Section("scheduler.groups", true, Set.of("thread")), groups);
        List<String> threads = new ArrayList<>(threadFields);
        threads.add("timeslices");
        STATES.forEach(s -> threads.add("states." + s));
        put(new Section("scheduler.threads", true, Set.of("thread")), threads);
    }

    private Metrics() {
    }

    private static void put(Section section, List<String> fields) {
        FIELDS.put(section, List.copyOf(fields));
    }

    private static List<String> with(List<String> plain, String... distributions) {
        List<String> fields = new ArrayList<>(plain);
        for (String distribution : distributions) {
            DISTRIBUTION.forEach(d -> fields.add(distribution + "." + d));
        }
        return fields;
    }

    /** Every metric path, for documentation and the test against real reports. */
    static List<Metric> all() {
        List<Metric> all = new ArrayList<>();
        FIELDS.forEach((section, fields) -> fields.forEach(f -> all.add(metric(section, f))));
        return all;
    }

    /**
     * The metrics listed here that a report lacks, in the sections where it has something to look them up in: empty
     * for a report of this build. A field that is null (not measured) is there; only an absent one is missing.
     */
    static List<String> missingFrom(com.fasterxml.jackson.databind.JsonNode report) {
        List<String> missing = new ArrayList<>();
        for (Metric metric : all()) {
            for (com.fasterxml.jackson.databind.JsonNode subject : metric.section().subjects(report)) {
                com.fasterxml.jackson.databind.JsonNode node = subject;
                for (String part : metric.field().split("\\.")) {
                    node = node.path(part);
                }
                if (node.isMissingNode()) {
                    missing.add(metric.path());
                    break;
                }
            }
        }
        return missing;
    }

    /** @throws GateException naming the sections when the path is not a metric of the report */
    static Metric parse(String path) throws GateException {
        for (Map.Entry<Section, List<String>> entry : FIELDS.entrySet()) {
            String prefix = entry.getKey().path() + ".";
            // "scheduler.groups.x" must not be taken for a field "groups.x" of "scheduler": longest section wins
            if (path.startsWith(prefix) && entry.getValue().contains(path.substring(prefix.length()))) {
                return metric(entry.getKey(), path.substring(prefix.length()));
            }
        }
        throw new GateException("unknown metric '" + path + "': metrics are paths into the JSON report, such as"
                + " locks.waitNanos, pools.queueWait.p99Nanos or scheduler.runQueueShare (see docs/gate.md)");
    }

    private static Metric metric(Section section, String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        MetricKind kind = last.endsWith("Nanos") ? MetricKind.DURATION
                : SHARES.contains(last) ? MetricKind.SHARE : MetricKind.NUMBER;
        return new Metric(section, field, kind);
    }
}
