package dev.turnstile.analyzer;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.analyzer.chains.BlockingIndex;
import dev.turnstile.analyzer.chains.WaitChains;
import dev.turnstile.analyzer.deadlocks.DeadlockCollector;
import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.ProfilerEvents;
import dev.turnstile.analyzer.events.ThreadWaits;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.events.UnreadableField;
import dev.turnstile.analyzer.findings.Rules;
import dev.turnstile.analyzer.herds.HerdCollector;
import dev.turnstile.analyzer.jfr.JfrEvent;
import dev.turnstile.analyzer.jfr.JfrReader;
import dev.turnstile.analyzer.locks.LockCollector;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.model.SchedulerReport;
import dev.turnstile.analyzer.pools.PoolCollector;
import dev.turnstile.analyzer.processes.ProcessCollector;
import dev.turnstile.analyzer.profiler.SampleSources;
import dev.turnstile.analyzer.profiler.WallSamples;
import dev.turnstile.analyzer.scheduler.SchedulerCollector;
import dev.turnstile.analyzer.stacks.StackResolver;
import dev.turnstile.analyzer.threads.ProcessCpu;
import dev.turnstile.analyzer.threads.ThreadCpu;
import dev.turnstile.analyzer.threads.ThreadLifecycle;
import dev.turnstile.analyzer.time.Window;
import dev.turnstile.analyzer.virtual.VirtualThreadCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a recording in one streaming pass and builds the {@link Analysis}. */
public final class Analyzer {
    /** Every JFR file starts with these four bytes. */
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    private final Calibration calibration;

    /** Uses this machine's saved calibration ({@code turnstile calibrate --save}), or the documented defaults. */
    public Analyzer() {
        this(Calibration.find());
    }

    public Analyzer(Calibration calibration) {
        this.calibration = calibration;
    }

    public Analysis analyze(Path file) throws RecordingException {
        return analyze(file, ProgressListener.NONE);
    }

    /** As {@link #analyze(Path)}, telling {@code progress} how far the reading has got. */
    public Analysis analyze(Path file, ProgressListener progress) throws RecordingException {
        checkReadable(file);
        RecordingFacts facts = new RecordingFacts();
        ThreadCpu cpu = new ThreadCpu();
        ProcessCpu processCpu = new ProcessCpu();
        StackResolver stacks = new StackResolver();
        LockCollector locks = new LockCollector(stacks);
        SchedulerCollector scheduler = new SchedulerCollector(stacks);
        HerdCollector herds = new HerdCollector(stacks);
        DeadlockCollector deadlocks = new DeadlockCollector();
        BlockingIndex blocking = new BlockingIndex(stacks);
        AgentDrops drops = new AgentDrops();
        PoolCollector pools = new PoolCollector(stacks);
        ThreadLifecycle threads = new ThreadLifecycle(stacks);
        ProcessCollector processes = new ProcessCollector(stacks);
        VirtualThreadCollector virtualThreads = new VirtualThreadCollector(stacks);
        SampleSources sources = new SampleSources();
        WallSamples wall = new WallSamples();
        PrivateEvents privateEvents = new PrivateEvents();

        Handlers handlers = new Handlers();
        handlers.put(JdkEvents.MONITOR_ENTER, locks::onMonitorEnter);
        handlers.put(TurnstileEvents.LOCK_WAIT, locks::onLockWait);
        handlers.put(JdkEvents.THREAD_CPU_LOAD, cpu::onThreadCpuLoad);
        handlers.put(JdkEvents.JVM_INFORMATION, facts::onJvmInformation);
        handlers.put(JdkEvents.CPU_INFORMATION, facts::onCpuInformation);
        handlers.put(TurnstileEvents.AGENT_START, facts::onAgentStart);
        handlers.put(TurnstileEvents.AGENT_START, sources::onAgentStart);
        handlers.put(TurnstileEvents.OBSERVED_WINDOW, facts::onObservedWindow);
        handlers.put(TurnstileEvents.PROFILER_START, sources::onProfilerStart);
        handlers.put(ProfilerEvents.WALL_CLOCK_SAMPLE, sources::onWallClockSample);
        handlers.put(ProfilerEvents.WALL_CLOCK_SAMPLE, wall::onWallClockSample);
        handlers.put(ProfilerEvents.EXECUTION_SAMPLE, sources::onExecutionSample);
        handlers.put(ProfilerEvents.ACTIVE_SETTING, sources::onActiveSetting);
        handlers.put(TurnstileEvents.AGENT_STATISTICS, drops::onAgentStatistics);
        handlers.put(TurnstileEvents.EXECUTOR_STATISTICS, pools::onStatistics);
        handlers.put(TurnstileEvents.EXECUTOR_TOTALS, pools::onTotals);
        handlers.put(TurnstileEvents.EXECUTOR_TIMES, pools::onTimes);
        handlers.put(TurnstileEvents.TASK_SUBMIT, pools::onSubmit);
        handlers.put(TurnstileEvents.TASK_RUN, pools::onTaskRun);
        handlers.put(JdkEvents.THREAD_START, threads::onJdkThreadStart);
        handlers.put(JdkEvents.THREAD_END, threads::onJdkThreadEnd);
        handlers.put(JdkEvents.JAVA_THREAD_STATISTICS, threads::onThreadStatistics);
        handlers.put(TurnstileEvents.THREAD_START, threads::onAgentThreadStart);
        handlers.put(TurnstileEvents.PROCESS_START, processes::onAgentStart);
        handlers.put(TurnstileEvents.PROCESS_EXIT, processes::onAgentExit);
        handlers.put(JdkEvents.PROCESS_START, processes::onJdkStart);
        handlers.put(JdkEvents.PROCESS_START, privateEvents::onJdkProcessStart);
        handlers.put(JdkEvents.INITIAL_ENVIRONMENT_VARIABLE, privateEvents::onEnvironmentVariable);
        handlers.put(JdkEvents.INITIAL_SYSTEM_PROPERTY, privateEvents::onSystemProperty);
        handlers.put(JdkEvents.VIRTUAL_THREAD_START, virtualThreads::onStart);
        handlers.put(JdkEvents.VIRTUAL_THREAD_PINNED, virtualThreads::onPinned);
        handlers.put(JdkEvents.VIRTUAL_THREAD_SUBMIT_FAILED, virtualThreads::onSubmitFailed);
        handlers.put(TurnstileEvents.VIRTUAL_THREAD_BLOCKED, virtualThreads::onMonitorBlocked);
        onLockDetails(handlers, locks, processCpu, herds, deadlocks, blocking);
        addSchedulerHandlers(handlers, scheduler);
        scan(file, facts, sources, scheduler, stacks, handlers, progress);
        facts.finish();

        List<String> notes = notes(facts, cpu, drops, scheduler);
        notes.addAll(privateEvents.notes(facts.hasAgentEvents()));
        notes.addAll(sources.notes());
        notes.addAll(holderNotes(wall, locks));
        notes.addAll(locks.notes());
        RecordingInfo info = facts.info(file.toString(), notes, sources.sources());
        Window lockWindow = facts.window();
        List<LockReport> lockReports = locks.reports(lockWindow, cpu, processCpu, facts.cpus(), wall);
        long window = facts.windowNanos();
        Analysis analysis = new Analysis(info, List.of(), lockReports,
                pools.reports(facts.windowStartNanos(), window, cpu, facts.cpus()), threads.report(window),
                processes.report(window), virtualThreads.report(), locks.lockKinds(lockWindow),
                deadlocks.reports(lockWindow), herds.reports(),
                WaitChains.follow(locks.longestWaits(WaitChains.CHAINS), blocking, lockWindow),
                scheduler.report(facts.windowStartNanos(), facts.windowNanos(), facts.schedPeriodNanos(), facts.cpus(),
                        calibration));
        return analysis.withFindings(Rules.evaluate(analysis));
    }

    /** Holders, exact totals, timelines, herds, deadlocks and the waits behind waits. */
    private static void onLockDetails(Handlers handlers, LockCollector locks, ProcessCpu processCpu,
                                      HerdCollector herds, DeadlockCollector deadlocks, BlockingIndex blocking) {
        handlers.put(TurnstileEvents.LOCK_RELEASE, locks::onLockRelease);
        handlers.put(TurnstileEvents.LOCK_STATISTICS, locks::onLockStatistics);
        handlers.put(TurnstileEvents.LOCK_COUNTS, locks::onLockCounts);
        handlers.put(JdkEvents.CPU_LOAD, processCpu::onCpuLoad);
        handlers.put(JdkEvents.MONITOR_WAIT, herds::onMonitorWait);
        handlers.put(JdkEvents.MONITOR_NOTIFY, herds::onMonitorNotify);
        handlers.put(TurnstileEvents.CONDITION_WAIT, herds::onConditionWait);
        handlers.put(TurnstileEvents.DEADLOCK, deadlocks::onDeadlock);
        ThreadWaits.register(handlers::put, blocking);
    }

    /**
     * Each wait a thread can be off the CPU in, by the state it counts as; JDK events the recording lacks (socket and
     * file events are off in Turnstile's settings and in JFR's default ones) simply leave their state empty.
     */
    private static void addSchedulerHandlers(Handlers handlers, SchedulerCollector scheduler) {
        handlers.put(TurnstileEvents.THREAD_SCHEDULING, scheduler::onThreadScheduling);
        handlers.put(JdkEvents.THREAD_START, scheduler::onThreadStart);
        handlers.put(JdkEvents.THREAD_END, scheduler::onThreadEnd);
        // Lock waits feed the locks and the thread states alike.
        ThreadWaits.register(handlers::put, scheduler);
    }

    private static List<String> holderNotes(WallSamples wall, LockCollector locks) {
        List<String> notes = new ArrayList<>();
        if (wall.dropped() > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "Lock holders' states come from the first wall-clock"
                    + " samples only: %,d later samples were left out to bound the analyzer's memory.", wall.dropped()));
        }
        if (locks.unattributedWaits() > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "Lock holders' states leave out %,d waits: the analyzer"
                    + " keeps a bounded number of waits for matching with the holders' samples.",
                    locks.unattributedWaits()));
        }
        return notes;
    }

    private static void scan(Path file, RecordingFacts facts, SampleSources sources, SchedulerCollector scheduler,
                             StackResolver stacks, Handlers handlers, ProgressListener progress)
            throws RecordingException {
        ReadProgress read = new ReadProgress(size(file), progress);
        EventKinds kinds = new EventKinds(handlers);
        long eventsRead = 0;
        int chunks = 0;
        try (JfrReader reader = open(file, handlers)) {
            JfrEvent recorded;
            while ((recorded = next(reader, file, eventsRead, facts)) != null) {
                eventsRead++;
                if (reader.chunkCount() != chunks) {
                    chunks = reader.chunkCount();
                    kinds.newChunk();
                    stacks.newChunk();
                }
                EventKinds.Entry kind = kinds.of(recorded.type());
                EventView event = new EventView(recorded, kind.kind());
                read.onEvent(reader);
                try {
                    facts.onAnyEvent(event);
                    sources.onAnyEvent(event);
                    scheduler.onAnyEvent(event);
                    if (kind.handler() != null) {
                        kind.handler().accept(event);
                    }
                } catch (UnreadableField e) {
                    facts.unreadable(e);
                }
            }
        } catch (IOException e) {
            throw corrupt(file, e);
        }
        read.finish();
    }

    private static long size(Path file) throws RecordingException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read (" + oneLine(e) + ")");
        }
    }

    /**
     * The events a collector handles are decoded whole; all others only up to their time and thread, which is what
     * the window, the sample sources and the scheduler's join of OS to Java threads take from every event.
     */
    private static JfrReader open(Path file, Handlers handlers) throws RecordingException {
        try {
            return JfrReader.openWithHeaders(file, handlers.names());
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /**
     * Reading is where a bad file shows, as a format or I/O error of the reader. A file that goes bad after some
     * events (cut short while copied, a chunk damaged on disk, a JVM killed while writing) is analyzed as far as it
     * reads, and the report says where it stopped: what was recorded is not thrown away. Runtime errors of the reader
     * are caught as well: damage it does not foresee must not cost the events before it. Errors in the handlers are
     * not caught here: they are bugs of the analyzer, not properties of the file.
     *
     * @return the next event, or null at the end of the file or of its readable part
     */
    private static JfrEvent next(JfrReader reader, Path file, long eventsRead, RecordingFacts facts)
            throws RecordingException {
        try {
            return reader.next();
        } catch (IOException | RuntimeException e) {
            if (eventsRead == 0) {
                throw corrupt(file, e);
            }
            facts.readStopped(eventsRead, oneLine(e));
            return null;
        }
    }

    private static RecordingException corrupt(Path file, Exception e) {
        return new RecordingException(file + " is truncated or corrupt (" + oneLine(e) + ")", e);
    }

    private static List<String> notes(RecordingFacts facts, ThreadCpu cpu, AgentDrops drops, SchedulerCollector scheduler) {
        List<String> notes = new ArrayList<>();
        if (facts.hasAgent() && !facts.locksInstrumented()) {
            notes.add("The agent could not instrument java.util.concurrent locks in this JVM: only monitor"
                    + " (synchronized) contention is visible.");
        }
        notes.addAll(facts.notes());
        if (!facts.hasAgentEvents()) {
            notes.add("No Turnstile agent events: waits on java.util.concurrent locks (ReentrantLock, read-write"
                    + " locks, semaphores) are not visible. Record with 'turnstile run' to see them.");
        }
        if (cpu.isEmpty()) {
            notes.add("No per-thread CPU load (jdk.ThreadCPULoad): parallelism is estimated from queue lengths.");
        }
        String schedulerMissing = scheduler.missingNote(facts.hasAgentEvents(),
                facts.hasAgent() ? facts.schedulerCounters() : SchedulerCollector.COUNTERS_UNKNOWN);
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
        // A chunk that declares a size smaller than its header is refused by the reader when it gets there.
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }
}
