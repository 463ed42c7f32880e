package dev.turnstile.analyzer;

import dev.turnstile.analyzer.chains.BlockingIndex;
import dev.turnstile.analyzer.chains.WaitChains;
import dev.turnstile.analyzer.deadlocks.DeadlockCollector;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.findings.Rules;
import dev.turnstile.analyzer.herds.HerdCollector;
import dev.turnstile.analyzer.locks.LockCollector;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.stacks.StackResolver;
import dev.turnstile.analyzer.threads.ProcessCpu;
import dev.turnstile.analyzer.threads.ThreadCpu;
import dev.turnstile.analyzer.time.Window;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Reads a recording in one streaming pass and builds the {@link Analysis}. */
public final class Analyzer {
    /** Every JFR file starts with these four bytes. */
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    public Analysis analyze(Path file) throws RecordingException {
        checkReadable(file);
        RecordingFacts facts = new RecordingFacts();
        ThreadCpu cpu = new ThreadCpu();
        ProcessCpu processCpu = new ProcessCpu();
        StackResolver stacks = new StackResolver();
        LockCollector locks = new LockCollector(stacks);
        HerdCollector herds = new HerdCollector(stacks);
        DeadlockCollector deadlocks = new DeadlockCollector();
        BlockingIndex blocking = new BlockingIndex(stacks);
        AgentDrops drops = new AgentDrops();

        Map<String, Consumer<RecordedEvent>> handlers = new HashMap<>();
        on(handlers, JdkEvents.MONITOR_ENTER, locks::onMonitorEnter);
        on(handlers, TurnstileEvents.LOCK_WAIT, locks::onLockWait);
        on(handlers, JdkEvents.THREAD_CPU_LOAD, cpu::onThreadCpuLoad);
        on(handlers, JdkEvents.JVM_INFORMATION, facts::onJvmInformation);
        on(handlers, JdkEvents.CPU_INFORMATION, facts::onCpuInformation);
        on(handlers, TurnstileEvents.AGENT_START, facts::onAgentStart);
        on(handlers, TurnstileEvents.AGENT_STATISTICS, drops::onAgentStatistics);
        onLockDetails(handlers, locks, processCpu, herds, deadlocks, blocking);
        scan(file, facts, handlers);

        List<String> notes = new ArrayList<>(notes(facts, cpu, drops));
        notes.addAll(locks.notes());
        RecordingInfo info = facts.info(file.toString(), notes);
        Window window = facts.window();
        List<LockReport> lockReports = locks.reports(window, cpu, processCpu, facts.cpus());
        Analysis analysis = new Analysis(info, List.of(), lockReports, locks.lockKinds(window),
                deadlocks.reports(window), herds.reports(),
                WaitChains.follow(locks.longestWaits(WaitChains.CHAINS), blocking, window));
        return analysis.withFindings(Rules.evaluate(analysis));
    }

    /** Events read by more than one collector get all of them, in the order they were added. */
    private static void on(Map<String, Consumer<RecordedEvent>> handlers, String event, Consumer<RecordedEvent> handler) {
        handlers.merge(event, handler, Consumer::andThen);
    }

    /** Holders, exact totals, timelines, herds, deadlocks and the waits behind waits. */
    private static void onLockDetails(Map<String, Consumer<RecordedEvent>> handlers, LockCollector locks,
                                      ProcessCpu processCpu, HerdCollector herds, DeadlockCollector deadlocks,
                                      BlockingIndex blocking) {
        on(handlers, TurnstileEvents.LOCK_RELEASE, locks::onLockRelease);
        on(handlers, TurnstileEvents.LOCK_STATISTICS, locks::onLockStatistics);
        on(handlers, TurnstileEvents.LOCK_COUNTS, locks::onLockCounts);
        on(handlers, JdkEvents.CPU_LOAD, processCpu::onCpuLoad);
        on(handlers, JdkEvents.MONITOR_WAIT, herds::onMonitorWait);
        on(handlers, JdkEvents.MONITOR_NOTIFY, herds::onMonitorNotify);
        on(handlers, TurnstileEvents.CONDITION_WAIT, herds::onConditionWait);
        on(handlers, TurnstileEvents.DEADLOCK, deadlocks::onDeadlock);
        on(handlers, JdkEvents.MONITOR_ENTER, blocking::onMonitorEnter);
        on(handlers, TurnstileEvents.LOCK_WAIT, blocking::onLockWait);
        on(handlers, JdkEvents.MONITOR_WAIT, blocking::onSignalWait);
        on(handlers, TurnstileEvents.CONDITION_WAIT, blocking::onSignalWait);
        on(handlers, JdkEvents.THREAD_PARK, blocking::onPark);
        on(handlers, JdkEvents.THREAD_SLEEP, blocking::onSleep);
        for (String io : List.of(JdkEvents.SOCKET_READ, JdkEvents.SOCKET_WRITE, JdkEvents.FILE_READ,
                JdkEvents.FILE_WRITE)) {
            on(handlers, io, blocking::onIo);
        }
    }

    private static void scan(Path file, RecordingFacts facts, Map<String, Consumer<RecordedEvent>> handlers)
            throws RecordingException {
        try (RecordingFile recording = open(file)) {
            RecordedEvent event;
            while ((event = next(recording, file)) != null) {
                facts.onAnyEvent(event);
                Consumer<RecordedEvent> handler = handlers.get(event.getEventType().getName());
                if (handler != null) {
                    handler.accept(event);
                }
            }
        } catch (IOException e) {
            throw corrupt(file, e);
        }
    }

    private static RecordingFile open(Path file) throws RecordingException {
        try {
            return new RecordingFile(file);
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /**
     * Opening and reading are where a bad file shows, as an I/O or a runtime error of the parser. Errors in the handlers are
     * not caught here: they are bugs of the analyzer, not properties of the file.
     */
    private static RecordedEvent next(RecordingFile recording, Path file) throws RecordingException {
        try {
            return recording.hasMoreEvents() ? recording.readEvent() : null;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    private static RecordingException corrupt(Path file, Exception e) {
        return new RecordingException(file + " is truncated or corrupt (" + oneLine(e) + ")", e);
    }

    private static List<String> notes(RecordingFacts facts, ThreadCpu cpu, AgentDrops drops) {
        List<String> notes = new ArrayList<>();
        if (facts.hasAgent() && !facts.locksInstrumented()) {
            notes.add("The agent could not instrument java.util.concurrent locks in this JVM: only monitor"
                    + " (synchronized) contention is visible.");
        }
        if (!facts.hasAgent()) {
            notes.add("No Turnstile agent events: waits on java.util.concurrent locks (ReentrantLock, read-write"
                    + " locks, semaphores) are not visible. Record with 'turnstile run' to see them.");
        }
        if (cpu.isEmpty()) {
            notes.add("No per-thread CPU load (jdk.ThreadCPULoad): parallelism is estimated from queue lengths.");
        }
        notes.addAll(drops.notes());
        return notes;
    }

    /** Fails with what is wrong with the file in terms a user can act on, before the parser sees it. */
    private static void checkReadable(Path file) throws RecordingException {
        if (Files.isDirectory(file)) {
            throw new RecordingException(file + " is a directory, not a recording");
        }
        byte[] head = new byte[JFR_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new RecordingException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new RecordingException(file + ": permission denied");
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read (" + oneLine(e) + ")");
        }
        if (read == 0) {
            throw new RecordingException(file + " is empty, not a JFR recording");
        }
        if (read < head.length || !Arrays.equals(head, JFR_MAGIC)) {
            throw new RecordingException(file + " is not a JFR recording");
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }
}
