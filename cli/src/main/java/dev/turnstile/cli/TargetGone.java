package dev.turnstile.cli;

import dev.turnstile.analyzer.RecordingException;
import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The attached JVM ended while it was being recorded. If it exited normally, JFR wrote the recording as it went
 * (the agent's recording is marked to be written on exit). If it was killed, its chunks in JFR's disk repository
 * hold everything up to the last flush, and {@link RecordingSalvage} joins them. Either way the analysis says how
 * much of the session the recording covers.
 */
final class TargetGone {
    private TargetGone() {
    }

    static Analysis collect(AttachSession session, LocalJvm jvm, PrintWriter err) throws RecordingException {
        session.forget();
        Duration attached = Duration.between(session.startedAt(), Instant.now());
        Path file = session.recording();
        Optional<Analysis> written = analyzable(file);
        if (written.isPresent()) {
            err.println("turnstile: JVM " + jvm.pid() + " exited while recording; its recording was written as it"
                    + " exited");
            return written.get().withNote(String.format(Locale.ROOT, "The JVM exited %s after Turnstile attached; the"
                    + " recording was written as it exited and covers %s.", seconds(attached.toNanos()),
                    seconds(written.get().recording().durationNanos())));
        }
        Path repository = session.repository().orElseThrow(() -> new UserError("JVM " + jvm.pid() + " ended while"
                + " recording and wrote no recording, and its agent did not say where JFR kept its data"));
        RecordingSalvage.Result salvaged;
        try {
            salvaged = RecordingSalvage.recover(repository, session.startedAt(), file);
        } catch (IOException e) {
            throw new UserError("JVM " + jvm.pid() + " ended while recording, and its JFR repository " + repository
                    + " cannot be read (" + e.getMessage() + ")");
        }
        if (salvaged == null) {
            throw new UserError("JVM " + jvm.pid() + " ended while recording before JFR wrote anything readable to its"
                    + " repository " + repository);
        }
        Analysis analysis = Reporting.analyze(file);
        String covered = seconds(analysis.recording().durationNanos());
        err.println("turnstile: JVM " + jvm.pid() + " ended without writing its recording (killed?); recovered " + covered
                + " of about " + seconds(attached.toNanos()) + " from its JFR repository " + repository
                + (salvaged.skipped() > 0 ? " (" + salvaged.skipped() + " unreadable chunk(s) left out)" : ""));
        return analysis.withNote(String.format(Locale.ROOT, "The JVM ended about %s after Turnstile attached without"
                + " writing its recording (killed or crashed); this recording was recovered from JFR's disk repository"
                + " and covers %s, up to JFR's last flush to disk before the end.", seconds(attached.toNanos()),
                covered));
    }

    /** The recording JFR wrote at exit, if it exists and reads to the end. */
    private static Optional<Analysis> analyzable(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Reporting.analyze(file));
        } catch (RecordingException e) {
            return Optional.empty();
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
