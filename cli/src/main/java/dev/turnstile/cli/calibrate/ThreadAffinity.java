package dev.turnstile.cli.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Pins single threads of this JVM to CPUs with {@code taskset -p}, which takes a Linux thread id. Java has no API
 * for affinity, and pinning the whole JVM to two CPUs would still let the kernel put both threads on one of them.
 */
final class ThreadAffinity {
    private final String taskset;
    private final int[] cpus;

    /** @param cpus one CPU per thread to pin, in the order of {@link #pinCurrentThread}'s argument */
    ThreadAffinity(String taskset, int[] cpus) {
        this.taskset = taskset;
        this.cpus = cpus.clone();
    }

    /** Pins the calling platform thread to the {@code which}-th CPU; false if that did not work. */
    boolean pinCurrentThread(int which) {
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>" for the calling thread.
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process process = new ProcessBuilder(taskset, "-p", "-c", Integer.toString(cpus[which]), tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return process.exitValue() == 0;
            }
            process.destroyForcibly();
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String describe(boolean allPinned) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < cpus.length; i++) {
            list.append(i == 0 ? "" : i == cpus.length - 1 ? " and " : ", ").append(cpus[i]);
        }
        return allPinned ? "threads pinned to CPUs " + list : "threads not pinned apart (taskset -p failed)";
    }
}
