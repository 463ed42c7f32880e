package dev.turnstile.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JVMs running on this machine, without attaching to any: those the JDK's Attach API lists (it reads the
 * JVMs' performance-data files), and, from /proc, those it does not (started with -XX:+DisableAttachMechanism or
 * -XX:-UsePerfData). What each one runs and on which Java come from its command line and its JDK's release file.
 */
final class LocalJvms {
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);

    private LocalJvms() {
    }

    /** Every JVM here but this one, by process id. */
    static List<LocalJvm> list() {
        Set<Long> attachable = attachablePids();
        Set<Long> pids = new TreeSet<>(attachable);
        for (long pid : ProcFs.pids()) {
            if (ProcFs.executable(pid).map(LocalJvms::isJavaLauncher).orElse(false)) {
                pids.add(pid);
            }
        }
        pids.remove(ProcessHandle.current().pid());
        List<LocalJvm> jvms = new ArrayList<>();
        for (long pid : pids) {
            if (ProcessHandle.of(pid).isPresent()) {
                jvms.add(describe(pid));
            }
        }
        return jvms;
    }

    /** @return the JVM with this process id, or empty if there is no such process or it is not a JVM */
    static Optional<LocalJvm> find(long pid) {
        boolean jvm = attachablePids().contains(pid)
                || ProcFs.mapsJvmLibrary(pid).orElseGet(() -> ProcFs.executable(pid).map(LocalJvms::isJavaLauncher)
                        .orElse(false));
        return jvm ? Optional.of(describe(pid)) : Optional.empty();
    }

    private static Set<Long> attachablePids() {
        Set<Long> pids = new TreeSet<>();
        try {
            for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
                try {
                    pids.add(Long.parseLong(descriptor.id()));
                } catch (NumberFormatException ignored) {
                    // not a process id: not a local JVM
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // no Attach API (a runtime without jdk.attach): /proc still lists them
        }
        return pids;
    }

    private static boolean isJavaLauncher(Path executable) {
        String name = executable.getFileName() == null ? "" : executable.getFileName().toString();
        return name.equals("java") || name.equals("javaw");
    }

    static LocalJvm describe(long pid) {
        List<String> command = ProcFs.commandLine(pid);
        String main = ProgramName.mainOf(command);
        return new LocalJvm(pid, ProcFs.uid(pid), ProcFs.userName(pid).orElse("?"), main != null ? main : "?",
                javaVersion(pid).orElse(null), vmOptions(pid, command));
    }

    /** From the release file of the JDK whose launcher the process runs. */
    private static Optional<String> javaVersion(long pid) {
        Optional<Path> executable = ProcFs.executable(pid);
        if (executable.isEmpty() || executable.get().getParent() == null
                || executable.get().getParent().getParent() == null) {
            return Optional.empty();
        }
        Path release = executable.get().getParent().getParent().resolve("release");
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The options the JVM read, in the order it read them, so that for a repeated flag the last one counts. */
    private static List<String> vmOptions(long pid, List<String> command) {
        List<String> options = new ArrayList<>();
        ProcFs.environment(pid, "JAVA_TOOL_OPTIONS").ifPresent(v -> options.addAll(words(v)));
        ProcFs.environment(pid, "JDK_JAVA_OPTIONS").ifPresent(v -> options.addAll(words(v)));
        int main = ProgramName.mainIndex(command);
        int end = main < 0 ? command.size() : main;
        if (main > 0 && Set.of("-jar", "-m", "--module").contains(command.get(main - 1))) {
            end = main - 1;
        }
        for (int i = 1; i < end; i++) {
            options.add(command.get(i));
        }
        ProcFs.environment(pid, "_JAVA_OPTIONS").ifPresent(v -> options.addAll(words(v)));
        return options;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
