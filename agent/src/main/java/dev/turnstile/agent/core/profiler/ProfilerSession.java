package dev.turnstile.agent.core.profiler;

import dev.turnstile.agent.bridge.ProfilerStartEvent;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * async-profiler for one agent session. It starts on a thread of its own, beside JFR and the instrumentation,
 * and writes its samples as a JFR chunk into a private temporary folder. When the JVM exits, JFR writes the
 * recording (its shutdown hook stops it) and tells its listeners; this session then stops the profiler and
 * appends the chunk to the recording's file, which makes one file that JFR readers take as a whole.
 *
 * <p>async-profiler's own {@code jfrsync} does the same but starts the JDK recording itself, from a settings
 * file; doing the append here keeps the agent's recording as it is (its name, settings and start order).
 *
 * <p>Nothing here may fail the program: every failure ends as a reason in {@code turnstile.ProfilerStart}, and
 * the JDK's execution samples are switched on instead.
 */
public final class ProfilerSession implements FlightRecorderListener {
    /** The JDK's CPU samples, used when async-profiler takes none. */
    public static final String JDK_EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final Duration JDK_EXECUTION_SAMPLE_PERIOD = Duration.ofMillis(20);
    /** How long the exit waits for a profiler that is still starting: its start takes well under a second. */
    private static final long START_WAIT_MILLIS = 5_000;
    private static final String SAMPLES_FILE = "samples.jfr";

    private final ProfilerSettings settings;
    private final Instrumentation inst;
    private Path folder;
    private NativeProfiler profiler;
    private String version;
    private String failure;
    private boolean startDone;
    /** The starter thread runs (or ran): only then is there a start to wait for at exit. */
    private boolean launched;
    private Recording recording;
    private boolean announced;
    private boolean stopped;
    /** Registered when the profiler starts; removed again by {@link #detach()}. */
    private Thread exitHook;
    private boolean listening;

    private ProfilerSession(ProfilerSettings settings, Instrumentation inst) {
        this.settings = settings;
        this.inst = inst;
    }

    /** A session that does nothing until {@link #startInBackground()}; one that is off is done at once. */
    public static ProfilerSession prepare(ProfilerSettings settings, Instrumentation inst) {
        ProfilerSession session = new ProfilerSession(settings, inst);
        if (settings.off()) {
            session.failure = "switched off (profiler=off)";
            session.startDone = true;
        }
        return session;
    }

    /**
     * Starts the profiler on a thread of its own and returns at once. The agent calls this once its hooks are live:
     * loading the library and starting the profiler take a few tenths of a second of CPU, which would otherwise
     * compete with the agent's own start-up on a small machine.
     */
    public void startInBackground() {
        synchronized (this) {
            if (startDone || launched || stopped) {
                return;
            }
            launched = true;
        }
        Thread starter = new Thread(this::start, "turnstile-start-profiler");
        starter.setDaemon(true);
        starter.start();
        Thread hook = new Thread(this::exitWithoutRecording, "turnstile-profiler-exit");
        synchronized (this) {
            exitHook = hook;
        }
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * For an agent that detaches, once its recording has stopped (which normally stopped the profiler and added its
     * samples already): stops the profiler if it still runs, and takes this session back from the JDK. The JVM's
     * shutdown hooks and JFR's listeners are held by JDK classes for as long as the JVM runs; left there, the hook's
     * task or the listener (both this session) would keep this class, and with it the agent's whole class loader,
     * alive after the detach.
     */
    public void detach() {
        stopAndAppend(null);
        Thread hook;
        boolean listener;
        synchronized (this) {
            hook = exitHook;
            exitHook = null;
            listener = listening;
            listening = false;
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook runs, finds the session stopped, and ends
            }
        }
        if (listener) {
            removeListener();
        }
    }

    /**
     * At exit, if no recording ever took the samples (the JVM exits before the recording runs), stop the profiler
     * and remove its folder. Otherwise JFR's own exit tells this session when to append them.
     */
    private void exitWithoutRecording() {
        synchronized (this) {
            if (recording != null) {
                return;
            }
        }
        stopAndAppend(null);
    }

    private void start() {
        Path dir = null;
        NativeProfiler started = null;
        String loadedVersion = null;
        String why = null;
        try {
            dir = SessionFolder.create();
            Path library = settings.library != null ? settings.library.toAbsolutePath() : BundledLibrary.extract(dir);
            try {
                started = NativeProfiler.load(library.toString(), inst, dir);
            } finally {
                if (settings.library == null) {
                    Files.deleteIfExists(library); // mapped once loaded: the file is no longer needed
                }
            }
            loadedVersion = started.version();
            started.execute(settings.startCommand(dir.resolve(SAMPLES_FILE)));
        } catch (Throwable t) {
            why = describe(t);
            started = null;
        }
        boolean abandon;
        synchronized (this) {
            abandon = stopped;
            profiler = abandon ? null : started;
            version = loadedVersion;
            failure = why;
            folder = dir;
            startDone = true;
            notifyAll();
        }
        if (abandon) {
            stopQuietly(started);
            SessionFolder.delete(dir);
            return;
        }
        if (why != null) {
            SessionFolder.delete(dir);
        }
        announceWhenReady();
    }

    /**
     * Hands over the agent's running recording: from now on the samples belong to it. Returns at once; the
     * start event is written as soon as the profiler is known to run or not.
     */
    public void recordingStarted(Recording running) {
        synchronized (this) {
            recording = running;
            listening = true;
        }
        FlightRecorder.addListener(this);
        announceWhenReady();
    }

    /** The recording could not start: stop the profiler (now or once it has started) and remove its files. */
    public void recordingFailed() {
        stopAndAppend(null);
    }

    private void announceWhenReady() {
        Recording target;
        boolean jdkSamples;
        synchronized (this) {
            if (announced || !startDone || recording == null || stopped) {
                return;
            }
            announced = true;
            target = recording;
            jdkSamples = !(profiler != null && settings.cpu());
        }
        try {
            if (jdkSamples && settings.cpu()) {
                // the recording started without them, expecting the profiler's CPU samples
                target.enable(JDK_EXECUTION_SAMPLE).withPeriod(JDK_EXECUTION_SAMPLE_PERIOD);
            }
            ProfilerStartEvent event = new ProfilerStartEvent();
            event.modes = settings.describe();
            event.started = profiler != null;
            event.failure = failure;
            event.version = version;
            event.jdkExecutionSamples = jdkSamples;
            event.commit();
        } catch (RuntimeException e) {
            // the recording is closing: nothing left to tell it
        }
    }

    @Override
    public void recordingStateChanged(Recording changed) {
        Recording mine;
        synchronized (this) {
            mine = recording;
        }
        if (changed == mine && changed.getState() == RecordingState.STOPPED) {
            stopAndAppend(changed.getDestination());
        }
    }

    /** JFR calls this after it wrote the recording to its destination; the profiler's chunk goes after it. */
    private void stopAndAppend(Path destination) {
        NativeProfiler running;
        Path dir;
        synchronized (this) {
            if (stopped) {
                return;
            }
            long deadline = System.currentTimeMillis() + START_WAIT_MILLIS;
            while (launched && !startDone && System.currentTimeMillis() < deadline) {
                try {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            stopped = true;
            running = startDone ? profiler : null;
            dir = startDone ? folder : null;
            profiler = null;
        }
        if (running == null) {
            return; // never ran, or still starting: the starter cleans up when it sees the session stopped
        }
        removeListener();
        stopQuietly(running);
        if (destination != null) {
            append(dir.resolve(SAMPLES_FILE), destination);
        }
        SessionFolder.delete(dir);
    }

    private void removeListener() {
        try {
            FlightRecorder.removeListener(this);
        } catch (RuntimeException e) {
            // JFR is shutting down
        }
    }

    private static void stopQuietly(NativeProfiler running) {
        if (running == null) {
            return;
        }
        try {
            running.stop();
        } catch (Throwable t) {
            // already stopped (the JVM is exiting): whatever it wrote is in its file
        }
    }

    private static void append(Path samples, Path destination) {
        try (FileChannel in = FileChannel.open(samples, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(destination, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, out);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("turnstile: the profiler's samples could not be added to " + destination + " (" + e
                    + ")");
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replaceAll("\\s+", " ").trim();
    }
}
