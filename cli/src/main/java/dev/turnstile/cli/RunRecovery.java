package dev.turnstile.cli;

import dev.turnstile.analyzer.RecordingException;
import dev.turnstile.analyzer.model.Analysis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The recording of a program that {@code turnstile run} recorded, once the program has ended: the file its JFR wrote
 * as it exited or, when that file is missing or cut short, one recovered from the chunks JFR wrote to its disk
 * repository meanwhile (see {@link JfrRepository}). The file is missing when the program was killed (SIGKILL, a
 * crash) and cut short or empty when the output directory became read-only or full before the program exited.
 *
 * <p>Nothing recorded is dropped for want of a place to put it: a recovered recording that cannot be written to the
 * output directory goes to the temporary directory, and the caller says so.
 */
final class RunRecovery {
    /**
     * @param notWhereAsked why the recording is not in the output directory, or null when it is
     */
    record Outcome(Analysis analysis, Path recording, String notWhereAsked) {
    }

    private RunRecovery() {
    }

    static Outcome collect(RecordedRun.Result run, PrintWriter err) throws RecordingException {
        Path file = run.recording();
        if (RecordingSalvage.isWhole(file)) {
            return new Outcome(Reporting.analyze(file), file, null);
        }
        boolean written = size(file) > 0;
        Path chunks = run.repository().chunks();
        if (chunks == null) {
            if (written) {
                return new Outcome(Reporting.analyze(file), file, null); // the analyzer says what is wrong with it
            }
            deleteQuietly(file);
            throw new UserError("the program exited with code " + run.exitCode() + " and no recording was written to "
                    + file + ": if a 'turnstile: agent not started' line is above, it says why; otherwise the JVM"
                    + " was killed (SIGKILL), crashed, or called Runtime.halt() before JFR wrote anything to disk");
        }
        // A JVM ended by a signal exits with 128 + its number (Process.exitValue, as a shell reports it).
        boolean signalled = run.exitCode() > 128 && run.exitCode() < 128 + 65;
        String what = written ? "the recording the program wrote to " + file + " is incomplete (was the output"
                + " directory full or read-only as it exited?)"
                : signalled ? "the program ended by signal " + (run.exitCode() - 128) + " (killed or crashed) without"
                + " writing its recording to " + file
                : "the program exited without writing its recording to " + file + " (was the output directory"
                + " read-only or full as it exited?)";
        deleteQuietly(file); // a partial file is no use, and on a full disk it takes the room the recovered one needs
        Path target = file;
        String notWhereAsked = null;
        RecordingSalvage.Result salvaged;
        try {
            salvaged = RecordingSalvage.recover(chunks, run.startedAt(), file);
        } catch (IOException intoOutput) {
            deleteQuietly(file);
            notWhereAsked = "cannot write to " + file.getParent() + ": " + reason(intoOutput);
            target = elsewhere(file);
            try {
                salvaged = RecordingSalvage.recover(chunks, run.startedAt(), target);
            } catch (IOException intoTemp) {
                deleteQuietly(target);
                run.repository().leaveInPlace();
                throw new UserError(what + ", and the recording recovered from JFR's repository could be written"
                        + " neither to " + file + " (" + reason(intoOutput) + ") nor to " + target + " ("
                        + reason(intoTemp) + "); JFR's chunks are kept in " + chunks);
            }
        }
        if (salvaged == null) {
            throw new UserError(what + ", and JFR had not written anything readable to its repository yet");
        }
        Analysis analysis = Reporting.analyze(target);
        String covered = String.format(Locale.ROOT, "%.1f s", analysis.recording().durationNanos() / 1e9);
        err.println("turnstile: " + what + "; recovered " + covered + " from JFR's disk repository"
                + (salvaged.skipped() > 0 ? " (" + salvaged.skipped() + " unreadable chunk(s) left out)" : ""));
        String note = signalled && !written
                ? "The program was killed or crashed (signal " + (run.exitCode() - 128) + ") before it wrote this"
                        + " recording; the recording was recovered from JFR's disk repository and covers " + covered
                        + ", up to JFR's last flush to disk before the end."
                : "JFR could not write this recording to " + file + " when the program exited; it was recovered from"
                        + " JFR's disk repository and covers " + covered + ".";
        return new Outcome(analysis.withNote(note), target, notWhereAsked);
    }

    /** "Read-only file system" rather than the path again and then the reason. */
    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException failed && failed.getReason() != null ? failed.getReason()
                : e.getMessage();
        return Main.oneLine(reason);
    }

    /** In the temporary directory, under the same name (numbered if that is taken). */
    private static Path elsewhere(Path file) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        String name = file.getFileName().toString();
        String base = name.endsWith(".jfr") ? name.substring(0, name.length() - 4) : name;
        Path candidate = dir.resolve(name);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(base + "-" + n + ".jfr");
        }
        return candidate;
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a read-only directory: the empty or partial file stays, and the recovered recording goes elsewhere
        }
    }
}
