package dev.turnstile.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.DeadlockReport;
import dev.turnstile.analyzer.model.DeadlockReport.DeadlockedThread;
import dev.turnstile.analyzer.model.HerdReport;
import dev.turnstile.analyzer.model.LockCapacity;
import dev.turnstile.analyzer.model.LockKindStats;
import dev.turnstile.analyzer.model.LockRates;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.Phase;
import dev.turnstile.analyzer.model.Timeline;
import dev.turnstile.analyzer.model.WaitChain;
import dev.turnstile.analyzer.model.WaitChain.WaitLink;

/**
 * The JSON of everything about locks beyond their waits: capacity, rates, holders, timelines and phases per lock, and
 * the sections lockKinds, deadlocks, herds and waitChains (docs/json-report.md). Field names are spelled out here, as
 * in {@link JsonReport}, because they are a published contract.
 */
final class LockSections {
    private LockSections() {
    }

    static void add(ObjectNode root, Analysis analysis) {
        ArrayNode kinds = root.putArray("lockKinds");
        analysis.lockKinds().forEach(k -> kinds.add(lockKind(k)));
        ArrayNode deadlocks = root.putArray("deadlocks");
        analysis.deadlocks().forEach(d -> deadlocks.add(deadlock(d)));
        ArrayNode herds = root.putArray("herds");
        analysis.herds().forEach(h -> herds.add(herd(h)));
        ArrayNode chains = root.putArray("waitChains");
        analysis.waitChains().forEach(c -> chains.add(chain(c)));
    }

    static void addLockDetails(ObjectNode node, LockReport lock) {
        LockCapacity capacity = lock.capacity();
        putNullable(node, "meanHoldNanos", capacity.meanHoldNanos());
        node.put("meanHoldBasis", capacity.meanHoldBasis());
        node.put("utilisation", capacity.utilisation());
        putNullable(node, "throughputCeilingPerSecond", capacity.throughputCeilingPerSecond());
        putNullable(node, "speedupCeiling", capacity.speedupCeiling());
        putNullable(node, "criticalSectionPressure", capacity.criticalSectionPressure());
        LockRates rates = lock.rates();
        node.put("contendedAcquisitions", rates.contendedAcquisitions());
        node.put("contendedAcquisitionsExact", rates.exact());
        node.put("contendedPerSecond", rates.contendedPerSecond());
        node.put("quadrant", rates.quadrant().label());
        if (rates.kind() == null) {
            node.putNull("kindStats");
        } else {
            node.set("kindStats", lockKind(rates.kind()));
        }
        node.set("holderStacks", JsonReport.stacks(lock.holderStacks()));
        if (lock.timeline() == null) {
            node.putNull("timeline");
        } else {
            node.set("timeline", timeline(lock.timeline()));
        }
        if (lock.phase() == null) {
            node.putNull("phase");
        } else {
            node.set("phase", phase(lock.phase()));
        }
    }

    private static ObjectNode lockKind(LockKindStats kind) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("kind", kind.kind());
        node.put("acquisitions", kind.acquisitions());
        node.put("acquisitionsPerSecond", kind.acquisitionsPerSecond());
        node.put("contendedAcquisitions", kind.contendedAcquisitions());
        putNullable(node, "contentionRate", kind.contentionRate());
        return node;
    }

    private static ObjectNode timeline(Timeline timeline) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("startOffsetNanos", timeline.startOffsetNanos());
        node.put("sliceNanos", timeline.sliceNanos());
        ArrayNode busy = node.putArray("busy");
        timeline.busy().forEach(b -> busy.add(round(b)));
        ArrayNode waiters = node.putArray("meanWaiters");
        timeline.meanWaiters().forEach(w -> waiters.add(round(w)));
        return node;
    }

    private static ObjectNode phase(Phase phase) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("startOffsetNanos", phase.startOffsetNanos());
        node.put("endOffsetNanos", phase.endOffsetNanos());
        node.put("busy", phase.busy());
        node.put("meanWaiters", phase.meanWaiters());
        node.put("waitNanos", phase.waitNanos());
        putNullable(node, "parallelism", phase.parallelism());
        return node;
    }

    private static ObjectNode deadlock(DeadlockReport deadlock) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("detectedOffsetNanos", deadlock.detectedOffsetNanos());
        node.put("stuckNanos", deadlock.stuckNanos());
        node.put("cycleSize", deadlock.cycleSize());
        ArrayNode threads = node.putArray("threads");
        for (DeadlockedThread thread : deadlock.threads()) {
            ObjectNode t = threads.addObject();
            t.put("thread", thread.thread());
            t.put("threadId", thread.threadId());
            t.put("state", thread.state());
            ObjectNode lock = t.putObject("waitsFor");
            lock.put("kind", thread.lockKind().label());
            lock.put("class", thread.lockClass());
            lock.put("id", thread.lockId());
            t.put("heldBy", thread.owner());
            t.put("heldById", thread.ownerId());
            ArrayNode frames = t.putArray("frames");
            thread.frames().forEach(frames::add);
        }
        return node;
    }

    private static ObjectNode herd(HerdReport herd) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("kind", herd.kind().label());
        node.put("class", herd.lockClass());
        node.put("id", herd.id());
        node.put("wakeups", herd.wakeups());
        node.put("wastedWakeups", herd.wastedWakeups());
        putNullable(node, "notifies", herd.notifies());
        node.put("notifications", herd.notifications());
        node.put("wakeupsPerNotification", herd.wakeupsPerNotification());
        node.put("wastedPerNotification", herd.wastedPerNotification());
        node.put("wastedRunNanos", herd.wastedRunNanos());
        node.put("rewaitNanos", herd.rewaitNanos());
        node.put("waitingThreads", herd.waitingThreads());
        node.put("waitSite", herd.waitSite());
        node.set("waiterStacks", JsonReport.stacks(herd.waiterStacks()));
        return node;
    }

    private static ObjectNode chain(WaitChain chain) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("waiter", chain.waiter());
        ObjectNode lock = node.putObject("lock");
        lock.put("kind", chain.lockKind().label());
        lock.put("class", chain.lockClass());
        lock.put("id", chain.lockId());
        node.put("startOffsetNanos", chain.startOffsetNanos());
        node.put("waitNanos", chain.waitNanos());
        ArrayNode links = node.putArray("links");
        for (WaitLink link : chain.links()) {
            ObjectNode l = links.addObject();
            l.put("thread", link.thread());
            l.put("state", link.state());
            if (link.lockClass() == null) {
                l.putNull("lock");
            } else {
                ObjectNode linkLock = l.putObject("lock");
                linkLock.put("kind", link.lockKind().label());
                linkLock.put("class", link.lockClass());
                linkLock.put("id", link.lockId());
            }
            l.put("overlapNanos", link.overlapNanos());
            ArrayNode frames = l.putArray("frames");
            link.frames().forEach(frames::add);
        }
        node.put("end", chain.end());
        return node;
    }

    /** Timelines are for charts: four decimals are plenty and keep long ones short. */
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static void putNullable(ObjectNode node, String name, Number value) {
        if (value == null) {
            node.putNull(name);
        } else if (value instanceof Double || value instanceof Float) {
            node.put(name, value.doubleValue());
        } else {
            node.put(name, value.longValue());
        }
    }
}
