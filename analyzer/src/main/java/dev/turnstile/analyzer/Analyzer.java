package dev.turnstile.analyzer;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.findings.Rules;
import dev.turnstile.analyzer.locks.LockCollector;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.scheduler.SchedulerCollector;
import dev.turnstile.analyzer.stacks.StackResolver;
import dev.turnstile.analyzer.threads.ThreadCpu;
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

    private final Calibration calibration;

    /** Turns switch counts into time with this machine's saved calibration, or the documented defaults. */
    public Analyzer() {
        this(Calibration.find());
    }

    public Analyzer(Calibration calibration) {
        this.calibration = calibration;
    }

    public Analysis analyze(Path file) throws RecordingException {
        checkReadable(file);
        RecordingFacts facts = new RecordingFacts();
        ThreadCpu cpu = new ThreadCpu();
        StackResolver stacks = new StackResolver();
        LockCollector locks = new LockCollector(stacks);
        SchedulerCollector scheduler = new SchedulerCollector(stacks);
        AgentDrops drops = new AgentDrops();

        Map<String, Consumer<RecordedEvent>> handlers = new HashMap<>();
        handlers.put(JdkEvents.MONITOR_ENTER, locks::onMonitorEnter);
        handlers.put(TurnstileEvents.LOCK_WAIT, locks::onLockWait);
        addSchedulerHandlers(handlers, scheduler);
        handlers.put(JdkEvents.THREAD_CPU_LOAD, cpu::onThreadCpuLoad);
        handlers.put(JdkEvents.JVM_INFORMATION, facts::onJvmInformation);
        handlers.put(JdkEvents.CPU_INFORMATION, facts::onCpuInformation);
        handlers.put(TurnstileEvents.AGENT_START, facts::onAgentStart);
        handlers.put(TurnstileEvents.AGENT_STATISTICS, drops::onAgentStatistics);
        scan(file, facts, scheduler, handlers);

        RecordingInfo info = facts.info(file.toString(), notes(facts, cpu, drops, scheduler));
        List<LockReport> lockReports = locks.reports(facts.windowNanos(), cpu, facts.cpus());
        SchedulerReport schedulerReport = scheduler.report(facts.windowStartNanos(), facts.windowNanos(),
                facts.schedPeriodNanos(), facts.cpus(), calibration);
        Analysis analysis = new Analysis(info, List.of(), lockReports, schedulerReport);
        return analysis.withFindings(Rules.evaluate(analysis));
    }

    /**
     * Each wait a thread can be off the CPU in, by the state it counts as; JDK events the recording lacks (socket and
     * file events are off in Turnstile's settings and in JFR's default ones) simply leave their state empty.
     */
    private static void addSchedulerHandlers(Map<String, Consumer<RecordedEvent>> handlers,
                                             SchedulerCollector scheduler) {
        handlers.put(TurnstileEvents.THREAD_SCHEDULING, scheduler::onThreadScheduling);
        handlers.put(JdkEvents.THREAD_START, scheduler::onThreadStart);
        handlers.put(JdkEvents.THREAD_END, scheduler::onThreadEnd);
        handlers.put(JdkEvents.THREAD_PARK, scheduler::onPark);
        handlers.put(JdkEvents.MONITOR_WAIT, scheduler::onSignalWait);
        handlers.put(TurnstileEvents.CONDITION_WAIT, scheduler::onSignalWait);
        handlers.put(JdkEvents.THREAD_SLEEP, scheduler::onSleep);
        for (String io : List.of(JdkEvents.SOCKET_READ, JdkEvents.SOCKET_WRITE, JdkEvents.FILE_READ,
                JdkEvents.FILE_WRITE)) {
            handlers.put(io, scheduler::onIo);
        }
        // Lock waits feed the locks and the thread states alike.
        handlers.merge(JdkEvents.MONITOR_ENTER, scheduler::onMonitorEnter, Consumer::andThen);
        handlers.merge(TurnstileEvents.LOCK_WAIT, scheduler::onLockWait, Consumer::andThen);
    }

    private static void scan(Path file, RecordingFacts facts, SchedulerCollector scheduler,
                             Map<String, Consumer<RecordedEvent>> handlers) throws RecordingException {
        try (RecordingFile recording = open(file)) {
            RecordedEvent event;
            while ((event = next(recording, file)) != null) {
                facts.onAnyEvent(event);
                scheduler.onAnyEvent(event);
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

    private static List<String> notes(RecordingFacts facts, ThreadCpu cpu, AgentDrops drops,
                                      SchedulerCollector scheduler) {
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
        String schedulerMissing = scheduler.missingNote(facts.hasAgent(), facts.schedulerCounters());
        if (schedulerMissing != null) {
            notes.add(schedulerMissing);
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
