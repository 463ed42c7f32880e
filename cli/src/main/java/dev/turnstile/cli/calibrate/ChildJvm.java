package dev.turnstile.cli.calibrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs {@link ProbeMain} in a fresh JVM and reads what it reports. A fresh JVM per group of measurements keeps them
 * apart: one can be pinned to a CPU, another run on a newer JDK, and none inherits another's threads or JIT state.
 */
final class ChildJvm {
    /** What the child said about one operation: figures, or an error. */
    record Report(int batch, List<Double> nanosEach, String note, String error) {
        boolean failed() {
            return error != null;
        }
    }

    /** Lines of the child's other output (JVM warnings, crashes) kept to explain a failure. */
    private static final int KEPT_LINES = 3;

    private final List<String> command;
    private final List<String> operations;
    private final long timeoutMillis;
    private final Map<String, Report> reports = new HashMap<>();
    private final Map<String, String> notes = new HashMap<>();
    private final Deque<String> otherOutput = new ArrayDeque<>();

    /**
     * @param command    the whole command line, ending with the operations
     * @param operations the operations the command names, in order
     */
    ChildJvm(List<String> command, List<String> operations, Effort effort) {
        this.command = List.copyOf(command);
        this.operations = List.copyOf(operations);
        // Generous: the child keeps to its own budget; this only catches a child that hangs.
        this.timeoutMillis = 30_000L + operations.size() * (effort.budgetMillis + 5_000L);
    }

    /** Runs the child to its end; {@code onBegin} hears each operation's name as the child starts on it. */
    Map<String, Report> run(Consumer<String> onBegin) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return completedWith("cannot start " + command.get(0) + " (" + e.getMessage() + ")");
        }
        Thread reader = new Thread(() -> read(process, onBegin), "calibrate-child-output");
        reader.setDaemon(true);
        reader.start();
        String failure = null;
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            failure = "the measuring JVM did not finish in " + timeoutMillis / 1000 + " s";
        } else if (process.exitValue() != 0) {
            failure = "the measuring JVM exited with code " + process.exitValue();
        }
        reader.join(5_000);
        synchronized (this) {
            if (failure != null && !otherOutput.isEmpty()) {
                failure += ": " + String.join(" / ", otherOutput);
            }
            return completedWith(failure != null ? failure : "the measuring JVM reported nothing for it");
        }
    }

    private void read(Process process, Consumer<String> onBegin) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] words = line.split(" ", 3);
                if (words.length >= 2 && words[0].equals("begin") && operations.contains(words[1])) {
                    onBegin.accept(words[1]);
                } else {
                    synchronized (this) {
                        parse(line, words);
                    }
                }
            }
        } catch (IOException e) {
            // the child died; run() reports it
        }
    }

    private void parse(String line, String[] words) {
        String operation = words.length >= 2 ? words[1] : "";
        if (!operations.contains(operation)) {
            keep(line);
        } else if (words[0].equals("result") && words.length == 3) {
            String[] figures = words[2].split(" ");
            List<Double> nanosEach = new ArrayList<>();
            for (int i = 1; i < figures.length; i++) {
                nanosEach.add(Double.parseDouble(figures[i]));
            }
            reports.put(operation, new Report(Integer.parseInt(figures[0]), nanosEach, null, null));
        } else if (words[0].equals("note") && words.length == 3) {
            notes.put(operation, words[2]);
        } else if (words[0].equals("error") && words.length == 3) {
            reports.put(operation, new Report(0, List.of(), null, words[2]));
        } else {
            keep(line);
        }
    }

    private void keep(String line) {
        if (!line.isBlank()) {
            otherOutput.addLast(line.trim());
            if (otherOutput.size() > KEPT_LINES) {
                otherOutput.removeFirst();
            }
        }
    }

    /** Every operation's report, with {@code missing} as the error of those the child never reported. */
    private Map<String, Report> completedWith(String missing) {
        Map<String, Report> all = new HashMap<>();
        for (String operation : operations) {
            Report report = reports.getOrDefault(operation, new Report(0, List.of(), null, missing));
            all.put(operation, new Report(report.batch(), report.nanosEach(), notes.get(operation), report.error()));
        }
        return all;
    }
}
