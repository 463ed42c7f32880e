package dev.turnstile.bench;

import dev.turnstile.testkit.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole process, timed, with the memory figures that can be had from any JVM tool without changing it:
 *
 * <ul>
 * <li>peak heap: the most heap G1 had in use, read from its log ({@code -Xlog:gc*}): heap use only grows between
 *     collections, so the peak is the "before" figure of some collection or the heap in use at exit. It depends on
 *     the heap limit as much as on the tool: with a large limit G1 collects late and garbage counts too;</li>
 * <li>heap after collections: the most heap still in use right after a collection, a lower bound of the data the
 *     tool kept (0 when it never collected). G1 logs both in whole megabytes;</li>
 * <li>max RSS: the process's largest resident set, from {@code /usr/bin/time}: heap, metaspace, code, thread stacks,
 *     the collector's own structures.</li>
 * </ul>
 *
 * @param seconds          wall time, JVM start-up included
 * @param peakHeapMb       most heap in use (G1 log), MB
 * @param afterCollectionMb most heap in use right after a collection (G1 log), MB
 * @param maxRssMb         largest resident set size, MB
 */
record MeasuredRun(double seconds, double peakHeapMb, double afterCollectionMb, double maxRssMb,
                   Command.Outcome outcome) {
    /** {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 231M->25M(256M) 4.1ms}: before and after. */
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+)M->(\\d+)M\\(\\d+M\\)");
    /** At exit: {@code garbage-first heap   total 262144K, used 12345K} (JDK 17), {@code ... committed 393216K, used 2149K} (25). */
    private static final Pattern AT_EXIT = Pattern.compile("garbage-first heap .*used (\\d+)K");
    private static final Pattern MAX_RSS = Pattern.compile("^maxrss=(\\d+)$", Pattern.MULTILINE);
    private static final Pattern ERROR = Pattern.compile("(java\\.lang\\.\\w*Error[^\\n]*)");

    /**
     * Runs {@code command} under {@code /usr/bin/time}. The command is made by the caller from the JVM option that
     * writes the GC log, because where that option goes differs: {@code java -Xlog:...} but {@code jfr -J-Xlog:...}.
     *
     * @param command the command line, given the {@code -Xlog:...} option to place in it
     */
    static MeasuredRun of(Path scratch, Duration timeout, Function<String, List<Object>> command) {
        try {
            Path log = Files.createTempFile(scratch, "gc-", ".log");
            // The JVM would keep an existing file as gc.log.0; and no rotation, so that no collection is left out.
            Files.delete(log);
            try {
                List<Object> line = new ArrayList<>(List.of("/usr/bin/time", "-f", "maxrss=%M"));
                line.addAll(command.apply("-Xlog:gc*:file=" + log + "::filecount=0"));
                long start = System.nanoTime();
                Command.Outcome outcome;
                try {
                    outcome = Command.of(line.toArray()).timeout(timeout).run();
                } catch (AssertionError timedOut) { // how Command reports a process it had to kill
                    outcome = new Command.Outcome(line.stream().map(String::valueOf).toList(), -1, "",
                            "timed out after " + timeout.toMinutes() + " min");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                String gcLog = Files.isRegularFile(log) ? Files.readString(log) : "";
                return new MeasuredRun(seconds, peakHeapMb(gcLog), afterCollectionMb(gcLog), maxRssMb(outcome),
                        outcome);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double peakHeapMb(String gcLog) {
        double peak = -1;
        Matcher pause = PAUSE.matcher(gcLog);
        while (pause.find()) {
            peak = Math.max(peak, Double.parseDouble(pause.group(1)));
        }
        Matcher exit = AT_EXIT.matcher(gcLog);
        while (exit.find()) {
            peak = Math.max(peak, Double.parseDouble(exit.group(1)) / 1024);
        }
        return peak;
    }

    static double afterCollectionMb(String gcLog) {
        double most = 0;
        Matcher pause = PAUSE.matcher(gcLog);
        while (pause.find()) {
            most = Math.max(most, Double.parseDouble(pause.group(2)));
        }
        return most;
    }

    private static double maxRssMb(Command.Outcome outcome) {
        Matcher rss = MAX_RSS.matcher(outcome.stderr());
        double kilobytes = -1;
        while (rss.find()) { // the last one: /usr/bin/time writes after the program's own stderr
            kilobytes = Double.parseDouble(rss.group(1));
        }
        return kilobytes < 0 ? -1 : kilobytes / 1024;
    }

    boolean succeeded() {
        return outcome.exitCode() == 0;
    }

    /** Whether it printed a {@code java.lang...Error} (out of memory, stack overflow), whatever its exit code. */
    boolean printedError() {
        return ERROR.matcher(outcome.stderr() + "\n" + outcome.stdout()).find();
    }

    /** Why it failed, in a few words: the first error the JVM printed (e.g. running out of heap), else the exit code. */
    String failure() {
        Matcher error = ERROR.matcher(outcome.stderr() + "\n" + outcome.stdout());
        if (error.find()) {
            return error.group(1).trim();
        }
        return outcome.exitCode() == -1 ? outcome.stderr() : "exit code " + outcome.exitCode();
    }
}
