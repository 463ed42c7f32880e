package dev.turnstile.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.Distribution;
import dev.turnstile.analyzer.model.Finding;
import dev.turnstile.analyzer.model.HolderStates;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.PoolReport;
import dev.turnstile.analyzer.model.ProcessesReport;
import dev.turnstile.analyzer.model.ParallelismSlice;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.model.StackSummary;
import dev.turnstile.analyzer.model.Subject;
import dev.turnstile.analyzer.model.ThreadCount;
import dev.turnstile.analyzer.model.ThreadsReport;
import dev.turnstile.analyzer.model.VirtualThreadsReport;
import dev.turnstile.analyzer.model.ThreadGroupSchedule;
import dev.turnstile.analyzer.model.ThreadSchedule;
import dev.turnstile.analyzer.model.ThreadStates;
import dev.turnstile.analyzer.model.ThreadTimeline;
import dev.turnstile.analyzer.model.WaitSlices;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report. Field names are spelled out here rather than derived from the model's classes,
 * because they are a published contract (docs/json-report.md): renaming a Java field must not change them.
 */
final class JsonReport implements Report {
    /** Raise when a field changes meaning or disappears; adding fields does not need it. */
    static final int SCHEMA_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String toolVersion;

    JsonReport(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(Analysis analysis, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(analysis));
        out.write(System.lineSeparator());
        out.flush();
    }

    JsonNode toJson(Analysis analysis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "turnstile");
        tool.put("version", toolVersion);
        root.set("recording", recording(analysis.recording()));
        ArrayNode findings = root.putArray("findings");
        analysis.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode locks = root.putArray("locks");
        analysis.locks().forEach(l -> locks.add(lock(l)));
        LockSections.add(root, analysis);
        ArrayNode pools = root.putArray("pools");
        analysis.pools().forEach(p -> pools.add(pool(p)));
        root.set("threads", threads(analysis.threads()));
        root.set("processes", processes(analysis.processes()));
        root.set("virtualThreads", virtualThreads(analysis.virtualThreads()));
        if (analysis.scheduler() == null) {
            root.putNull("scheduler");
        } else {
            root.set("scheduler", scheduler(analysis.scheduler()));
        }
        return root;
    }

    private static ObjectNode scheduler(SchedulerReport scheduler) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("samplePeriodNanos", scheduler.samplePeriodNanos());
        node.put("runQueueShare", scheduler.runQueueShare());
        node.put("meanThreadsWantingCpu", scheduler.meanThreadsWantingCpu());
        ObjectNode application = node.putObject("application");
        application.put("runQueueShare", scheduler.application().runQueueShare());
        application.put("meanThreadsWantingCpu", scheduler.application().meanThreadsWantingCpu());
        application.set("states", states(scheduler.application().states()));
        node.put("meanParallelism", scheduler.meanParallelism());
        node.put("peakParallelism", scheduler.peakParallelism());
        node.set("states", states(scheduler.states()));
        ObjectNode cost = node.putObject("switchCost");
        cost.put("perSwitchNanos", scheduler.switchCost().perSwitchNanos());
        cost.put("calibrated", scheduler.switchCost().calibrated());
        cost.put("source", scheduler.switchCost().source());
        ObjectNode timeline = node.putObject("timeline");
        timeline.put("sliceNanos", scheduler.sliceNanos());
        ArrayNode slices = timeline.putArray("slices");
        for (ParallelismSlice slice : scheduler.timeline()) {
            slices.addObject()
                    .put("offsetNanos", slice.offsetNanos())
                    .put("lengthNanos", slice.lengthNanos())
                    .put("cpusInUse", slice.cpusInUse())
                    .put("waitingForCpu", slice.waitingForCpu())
                    .put("switchesPerSecond", slice.switchesPerSecond());
        }
        ArrayNode groups = node.putArray("groups");
        for (ThreadGroupSchedule group : scheduler.groups()) {
            ObjectNode g = groups.addObject();
            g.put("name", group.name());
            g.put("threads", group.threads());
            g.put("jvmInternal", group.jvmInternal());
            g.set("states", states(group.states()));
            putShares(g, group.states());
            g.put("voluntarySwitches", group.voluntarySwitches());
            g.put("involuntarySwitches", group.involuntarySwitches());
            g.put("switchesPerSecond", group.switchesPerSecond());
            g.put("switchCostNanos", group.switchCostNanos());
        }
        ArrayNode threads = node.putArray("threads");
        for (ThreadSchedule thread : scheduler.threads()) {
            ObjectNode t = threads.addObject();
            t.put("tid", thread.tid());
            if (thread.javaThreadId() == null) {
                t.putNull("javaThreadId");
            } else {
                t.put("javaThreadId", thread.javaThreadId());
            }
            t.put("name", thread.name());
            t.put("group", thread.group());
            t.put("jvmInternal", thread.jvmInternal());
            t.set("states", states(thread.states()));
            putShares(t, thread.states());
            t.put("timeslices", thread.timeslices());
            t.put("voluntarySwitches", thread.voluntarySwitches());
            t.put("involuntarySwitches", thread.involuntarySwitches());
        }
        ArrayNode notes = node.putArray("notes");
        scheduler.notes().forEach(notes::add);
        ArrayNode timelines = node.putArray("threadTimelines");
        for (ThreadTimeline thread : scheduler.threadTimelines()) {
            ObjectNode t = timelines.addObject();
            t.put("tid", thread.tid());
            t.put("name", thread.name());
            t.put("jvmInternal", thread.jvmInternal());
            t.put("startOffsetNanos", thread.startOffsetNanos());
            t.put("sliceNanos", thread.sliceNanos());
            ArrayNode threadSlices = t.putArray("slices");
            thread.slices().forEach(states -> threadSlices.add(states(states)));
        }
        return node;
    }

    /** Nanoseconds per state; {@code lifetimeNanos} is their sum. */
    private static ObjectNode states(ThreadStates states) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("lifetimeNanos", states.total());
        node.put("runningNanos", states.running());
        node.put("runnableNanos", states.runnable());
        node.put("blockedNanos", states.blocked());
        node.put("parkedNanos", states.parked());
        node.put("waitingNanos", states.waiting());
        node.put("sleepingNanos", states.sleeping());
        node.put("ioNanos", states.io());
        node.put("otherNanos", states.other());
        return node;
    }

    private static void putShares(ObjectNode node, ThreadStates states) {
        putNullable(node, "runQueueShare", states.runQueueShare());
        putNullable(node, "cpuShare", states.cpuShare());
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static ObjectNode recording(RecordingInfo info) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", info.file());
        node.put("start", info.start() == null ? null : info.start().toString());
        node.put("durationNanos", info.durationNanos());
        node.put("cpus", info.cpus());
        ObjectNode jvm = node.putObject("jvm");
        jvm.put("name", info.jvmName());
        jvm.put("version", info.jvmVersion());
        if (info.agent() == null) {
            node.putNull("agent");
        } else {
            ObjectNode agent = node.putObject("agent");
            agent.put("version", info.agent().version());
            agent.put("schemaVersion", info.agent().schemaVersion());
        }
        ArrayNode notes = node.putArray("notes");
        info.notes().forEach(notes::add);
        ArrayNode sources = node.putArray("sources");
        info.sources().forEach(sources::add);
        return node;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", finding.id());
        node.put("severity", finding.severity().label());
        node.put("title", finding.title());
        node.set("subject", subject(finding.subject()));
        node.set("metrics", metrics(finding.metrics()));
        node.set("stacks", stacks(finding.stacks()));
        node.put("advice", finding.advice());
        node.put("impactNanos", finding.impactNanos());
        return node;
    }

    private static ObjectNode subject(Subject subject) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", subject.kind());
        node.put("name", subject.name());
        node.put("id", subject.id());
        node.put("site", subject.site());
        return node;
    }

    private static ObjectNode metrics(Map<String, Number> metrics) {
        ObjectNode node = MAPPER.createObjectNode();
        metrics.forEach((name, value) -> {
            if (value instanceof Double || value instanceof Float) {
                node.put(name, value.doubleValue());
            } else {
                node.put(name, value.longValue());
            }
        });
        return node;
    }

    private static ObjectNode lock(LockReport lock) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", lock.kind().label());
        node.put("class", lock.lockClass());
        node.put("id", lock.id());
        node.put("waits", lock.waits());
        node.put("waitNanos", lock.waitNanos());
        node.put("maxWaitNanos", lock.maxWaitNanos());
        node.put("meanWaiters", lock.meanWaiters());
        node.put("busy", lock.busy());
        node.put("waitingThreads", lock.waitingThreads());
        if (lock.usersParallelism() == null) {
            node.putNull("usersParallelism");
        } else {
            node.put("usersParallelism", lock.usersParallelism());
        }
        node.put("criticalSection", lock.criticalSection());
        ArrayNode owners = node.putArray("owners");
        for (ThreadCount owner : lock.owners()) {
            owners.addObject().put("thread", owner.thread()).put("count", owner.count());
        }
        node.set("waiterStacks", stacks(lock.waiterStacks()));
        node.set("holderStates", holderStates(lock.holderStates()));
        LockSections.addLockDetails(node, lock);
        return node;
    }

    private static JsonNode holderStates(HolderStates holders) {
        if (holders == null) {
            return MAPPER.nullNode();
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("samples", holders.samples());
        ObjectNode shares = node.putObject("shares");
        holders.shares().forEach(shares::put);
        return node;
    }

    private static ObjectNode pool(PoolReport pool) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", pool.id());
        node.put("class", pool.executorClass());
        node.put("name", pool.name());
        node.put("submitted", pool.submitted());
        node.put("rejected", pool.rejected());
        node.put("started", pool.started());
        node.put("completed", pool.completed());
        node.put("arrivalRate", pool.arrivalRate());
        node.set("queueWait", distribution(pool.queueWait()));
        node.set("runTime", distribution(pool.runTime()));
        putNullable(node, "workers", pool.workers());
        putNullable(node, "maxWorkers", pool.maxWorkers());
        putNullable(node, "utilisation", pool.utilisation());
        putNullable(node, "meanQueued", pool.meanQueued());
        putNullable(node, "maxQueued", pool.maxQueued());
        putNullable(node, "littleQueued", pool.littleQueued());
        putNullable(node, "tasksCpuShare", pool.tasksCpuShare());
        putNullable(node, "suggestedWorkers", pool.suggestedWorkers());
        ArrayNode timeline = node.putArray("queuedBySecond");
        pool.queuedBySecond().forEach(timeline::add);
        node.set("submitters", stacks(pool.submitters()));
        WaitSlices waits = pool.queueWaitSlices();
        if (waits == null) {
            node.putNull("queueWaitSlices");
        } else {
            ObjectNode w = node.putObject("queueWaitSlices");
            w.put("startOffsetNanos", waits.startOffsetNanos());
            w.put("sliceNanos", waits.sliceNanos());
            waits.tasks().forEach(w.putArray("tasks")::add);
            waits.p50Nanos().forEach(w.putArray("p50Nanos")::add);
            waits.p99Nanos().forEach(w.putArray("p99Nanos")::add);
            waits.maxNanos().forEach(w.putArray("maxNanos")::add);
        }
        return node;
    }

    private static ObjectNode threads(ThreadsReport threads) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("started", threads.started());
        node.put("startFailures", threads.startFailures());
        node.put("startRate", threads.startRate());
        node.set("startCost", distribution(threads.startCost()));
        node.set("lifetime", distribution(threads.lifetime()));
        node.put("shortLived", threads.shortLived());
        node.put("shortLivedShare", threads.shortLivedShare());
        node.put("peakLive", threads.peakLive());
        ArrayNode names = node.putArray("startedByName");
        threads.startedByName().forEach(n -> names.addObject().put("name", n.name()).put("count", n.count()));
        node.set("creators", stacks(threads.creators()));
        return node;
    }

    private static ObjectNode processes(ProcessesReport processes) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("spawns", processes.spawns());
        node.put("failed", processes.failed());
        node.put("spawnRate", processes.spawnRate());
        node.set("spawnLatency", distribution(processes.spawnLatency()));
        node.put("spawnShare", processes.spawnShare());
        node.set("lifetime", distribution(processes.lifetime()));
        ObjectNode exits = node.putObject("exitCodes");
        processes.exitCodes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> exits.put(Integer.toString(e.getKey()), e.getValue()));
        ArrayNode commands = node.putArray("commands");
        processes.commands().forEach(c -> commands.addObject().put("command", c.command()).put("count", c.count()));
        node.set("spawners", stacks(processes.spawners()));
        return node;
    }

    private static ObjectNode virtualThreads(VirtualThreadsReport virtual) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("started", virtual.started());
        node.set("pinned", distribution(virtual.pinned()));
        ObjectNode reasons = node.putObject("pinnedReasons");
        virtual.pinnedReasons().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> reasons.put(e.getKey(), e.getValue()));
        node.set("pinnedStacks", stacks(virtual.pinnedStacks()));
        node.put("carriers", virtual.carriers());
        node.put("submitFailed", virtual.submitFailed());
        node.set("monitorBlocked", distribution(virtual.monitorBlocked()));
        return node;
    }

    private static ObjectNode distribution(Distribution distribution) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("count", distribution.count());
        node.put("totalNanos", distribution.totalNanos());
        node.put("p50Nanos", distribution.p50Nanos());
        node.put("p95Nanos", distribution.p95Nanos());
        node.put("p99Nanos", distribution.p99Nanos());
        node.put("maxNanos", distribution.maxNanos());
        return node;
    }

    private static void putNullable(ObjectNode node, String name, Number value) {
        if (value == null) {
            node.putNull(name);
        } else if (value instanceof Double) {
            node.put(name, value.doubleValue());
        } else {
            node.put(name, value.longValue());
        }
    }

    static ArrayNode stacks(List<StackSummary> stacks) {
        ArrayNode array = MAPPER.createArrayNode();
        for (StackSummary stack : stacks) {
            ObjectNode node = array.addObject();
            ArrayNode frames = node.putArray("frames");
            stack.frames().forEach(frames::add);
            node.put("count", stack.count());
            node.put("nanos", stack.nanos());
        }
        return array;
    }
}
