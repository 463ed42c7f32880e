package dev.turnstile.cli;

import dev.turnstile.analyzer.RecordingException;
import dev.turnstile.analyzer.model.Analysis;
import dev.turnstile.reports.Report;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "attach",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Record a running JVM: load the agent into it, record for a while, then detach and analyze.",
            "Recording ends after --duration, or on Ctrl-C. Detaching puts every instrumented class back as it was;",
            "the JVM keeps running. If it exits or is killed meanwhile, what was recorded up to then is analyzed.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  turnstile ps",
            "  turnstile attach 12345 --duration 30s",
            "  turnstile attach app.jar -o recordings --report json > report.json",
            "",
            "Java 21 and newer print a warning when an agent is loaded while they run; start the JVM with",
            "-XX:+EnableDynamicAgentLoading to allow it quietly. See docs/attach.md.",
            "",
            "Exit code: 0 when the recording was analyzed; 2 if the JVM cannot be attached to (the message says why)."
        })
final class AttachCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PID|NAME",
            description = "The JVM: its process id, or its main class or jar as 'turnstile ps' shows it.")
    String target;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to record, e.g. 30s, 5m (default: until Ctrl-C).")
    Duration duration;

    @Option(names = {"--report", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = ReportOptions.FormatConverter.class,
            completionCandidates = ReportOptions.FormatConverter.Names.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Report.Format format;

    @Mixin
    RecordingOptions recording;

    @Mixin
    ColorOption color;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws RecordingException {
        PrintWriter err = spec.commandLine().getErr();
        String recordingOptions = recording.agentOptions();
        LocalJvm jvm = AttachTarget.resolve(target);
        java.nio.file.Path file = RecordedRun.newRecordingFile(recording.outputDir,
                ProgramName.ofMain(jvm.main()) + "-" + jvm.pid());

        AtomicBoolean interrupted = new AtomicBoolean();
        Runnable restoreInterrupt = InterruptForwarding.onInterrupt(() -> interrupted.set(true));
        Analysis analysis;
        try {
            // Nothing is printed before the agent runs, so that a JVM that cannot be attached to gives one line.
            AttachSession session = AttachSession.begin(jvm, file, recordingOptions);
            err.println("turnstile: " + AttachTarget.warningsExplanation(jvm));
            if (!session.notInstrumented().isBlank()) {
                err.println("turnstile: not instrumented in this JVM: " + session.notInstrumented());
            }
            err.println("turnstile: recording " + jvm.describe() + (duration == null ? " until Ctrl-C"
                    : " for " + describe(duration) + " (Ctrl-C stops sooner)"));
            analysis = finish(session, session.await(duration, interrupted::get), jvm, err);
        } finally {
            restoreInterrupt.run();
        }
        Reporting.write(analysis, format, color.forStdout(), spec.commandLine().getOut());
        Reporting.keep(analysis, file, err);
        return ExitCodes.OK;
    }

    private static Analysis finish(AttachSession session, AttachSession.End end, LocalJvm jvm, PrintWriter err)
            throws RecordingException {
        if (end != AttachSession.End.TARGET_EXITED) {
            Optional<AttachSession.Stopped> stopped = session.stop();
            if (stopped.isPresent()) {
                report(stopped.get(), jvm, err);
                return Reporting.analyze(session.recording());
            }
        }
        return TargetGone.collect(session, jvm, err);
    }

    private static void report(AttachSession.Stopped stopped, LocalJvm jvm, PrintWriter err) {
        String classes = stopped.restoredClasses() >= 0 ? ": " + stopped.restoredClasses() + " classes restored" : "";
        if (stopped.restored()) {
            err.println("turnstile: stopped recording and detached from JVM " + jvm.pid() + classes);
        } else {
            err.println("turnstile: stopped recording in JVM " + jvm.pid() + ", but not every instrumented class could"
                    + " be restored; they stay in place with their hooks switched off, and Turnstile will not attach"
                    + " to this JVM again");
        }
        if (!stopped.problems().isBlank()) {
            err.println("turnstile: the agent reported: " + Main.oneLine(stopped.problems()));
        }
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }
}
