package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Jdk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The service sample running in its own JVM, to attach to: started with a pipe on its standard input, so a test can
 * ask it for its status and its probe (see ServiceSample), and its standard error kept in a file (where the JVM's own
 * warnings go). Closing it kills the JVM.
 */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final long pid;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final OutputStream commands;

    private ServiceProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.commands = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the JVM is gone
            }
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        String ready = next("ready: ");
        this.pid = Long.parseLong(ready.replaceAll(".*pid=(\\d+).*", "$1"));
    }

    /** Starts the service on {@code jdk}, with JVM options, optionally behind a wrapper ({@code runuser ...}). */
    static ServiceProcess start(Jdk jdk, List<String> wrapper, String... jvmOptions) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(jdk.java().toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", Artifacts.samplesJar().toString(), "dev.turnstile.samples.SampleMain",
                "service"));
        try {
            Path stderr = Files.createTempFile(Artifacts.outputDirectory(), "service-", ".err");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            return new ServiceProcess(process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceProcess start(Jdk jdk, String... jvmOptions) {
        return start(jdk, List.of(), jvmOptions);
    }

    /** The JVM's process id (not a wrapper's). */
    long pid() {
        return pid;
    }

    boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** After a full GC: threads, turnstileThreads, loadedClasses, heapUsed, metaspaceUsed, acquisitions... */
    Map<String, Long> status() {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String pair : ask("status", "status: ").substring("status: ".length()).split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }

    /** "bridge=absent", "bridge=present releasesCounted=N" */
    String probe() {
        return ask("probe", "probe: ").substring("probe: ".length());
    }

    /** Makes the service call System.exit(0). */
    void exit() {
        send("exit");
    }

    /**
     * For a service started behind a wrapper that outlives it ({@code turnstile run}): waits for the wrapper to end
     * and returns its exit code.
     */
    int awaitWrapper(java.time.Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service's wrapper did not end within " + timeout + "; stderr: " + stderr());
        }
        return process.exitValue();
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private String ask(String command, String answerPrefix) {
        send(command);
        return next(answerPrefix);
    }

    private void send(String command) {
        try {
            commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the service does not take commands any more: " + stderr(), e);
        }
    }

    private String next(String prefix) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertNotNull(null, "the service printed no '" + prefix + "' line within 60 s; stderr: " + stderr());
        return null;
    }

    /**
     * Ends the JVM with SIGTERM, so that JFR removes its disk repository as it exits (a killed JVM leaves it in the
     * temporary directory), and kills it if it does not end within 20 s.
     */
    @Override
    public void close() {
        Optional<ProcessHandle> jvm = ProcessHandle.of(pid);
        try {
            if (jvm.isPresent()) {
                jvm.get().destroy();
                try {
                    jvm.get().onExit().get(20, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    jvm.get().destroyForcibly();
                }
            }
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
