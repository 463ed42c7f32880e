package dev.turnstile.analyzer;

import dev.turnstile.analyzer.events.JdkEvents;
import dev.turnstile.analyzer.events.ProfilerEvents;
import dev.turnstile.analyzer.events.TurnstileEvents;
import dev.turnstile.analyzer.findings.Rules;
import dev.turnstile.analyzer.locks.LockCollector;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.RecordingInfo;
import dev.turnstile.analyzer.profiler.SampleSources;
import dev.turnstile.analyzer.profiler.WallSamples;
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

    public Analysis analyze(Path file) throws RecordingException {
        checkReadable(file);
        RecordingFacts facts = new RecordingFacts();
        ThreadCpu cpu = new ThreadCpu();
        LockCollector locks = new LockCollector(new StackResolver());
        AgentDrops drops = new AgentDrops();
        SampleSources sources = new SampleSources();
        WallSamples wall = new WallSamples();

        Map<String, Consumer<RecordedEvent>> handlers = new HashMap<>();
        handlers.put(JdkEvents.MONITOR_ENTER, locks::onMonitorEnter);
        handlers.put(TurnstileEvents.LOCK_WAIT, locks::onLockWait);
        handlers.put(JdkEvents.THREAD_CPU_LOAD, cpu::onThreadCpuLoad);
        handlers.put(JdkEvents.JVM_INFORMATION, facts::onJvmInformation);
        handlers.put(JdkEvents.CPU_INFORMATION, facts::onCpuInformation);
        handlers.put(TurnstileEvents.AGENT_START, both(facts::onAgentStart, sources::onAgentStart));
        handlers.put(TurnstileEvents.PROFILER_START, sources::onProfilerStart);
        handlers.put(ProfilerEvents.WALL_CLOCK_SAMPLE, both(sources::onWallClockSample, wall::onWallClockSample));
        handlers.put(ProfilerEvents.EXECUTION_SAMPLE, sources::onExecutionSample);
        handlers.put(ProfilerEvents.ACTIVE_SETTING, sources::onActiveSetting);
        handlers.put(TurnstileEvents.AGENT_STATISTICS, drops::onAgentStatistics);
        scan(file, facts, sources, handlers);
        facts.finish();

        List<String> notes = notes(facts, cpu, drops);
        notes.addAll(sources.notes());
        notes.addAll(holderNotes(wall, locks));
        RecordingInfo info = facts.info(file.toString(), notes, sources.sources());
        List<LockReport> lockReports = locks.reports(facts.windowNanos(), cpu, facts.cpus(), wall);
        Analysis analysis = new Analysis(info, List.of(), lockReports);
        return analysis.withFindings(Rules.evaluate(analysis));
    }

    private static Consumer<RecordedEvent> both(Consumer<RecordedEvent> first, Consumer<RecordedEvent> second) {
        return first.andThen(second);
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

    private static void scan(Path file, RecordingFacts facts, SampleSources sources,
                             Map<String, Consumer<RecordedEvent>> handlers) throws RecordingException {
        try (RecordingFile recording = open(file)) {
            RecordedEvent event;
            while ((event = next(recording, file)) != null) {
                facts.onAnyEvent(event, sources.fromJdkRecording(event));
                sources.onAnyEvent(event);
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
