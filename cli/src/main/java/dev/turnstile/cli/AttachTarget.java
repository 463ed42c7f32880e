package dev.turnstile.cli;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Turns what the user typed (a process id or a name) into a JVM Turnstile can attach to, or a one-line error saying
 * why not and what to do. Everything is checked from outside first, because the Attach API's own errors are vague
 * and sending its signal to a process that is not a JVM could stop that process.
 */
final class AttachTarget {
    private AttachTarget() {
    }

    static LocalJvm resolve(String pidOrName) {
        LocalJvm jvm = pidOrName.chars().allMatch(Character::isDigit) && !pidOrName.isEmpty()
                ? byPid(parsePid(pidOrName))
                : byName(pidOrName);
        check(jvm);
        return jvm;
    }

    private static long parsePid(String text) {
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // too long for a process id
        }
        throw new UserError("'" + text + "' is not a process id");
    }

    private static LocalJvm byPid(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            throw new UserError("process " + pid + " is this turnstile process");
        }
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            throw new UserError("there is no process " + pid + " (it may have exited): 'turnstile ps' lists the JVMs"
                    + " you can attach to");
        }
        return LocalJvms.find(pid).orElseThrow(() -> new UserError("process " + pid
                + ProcFs.name(pid).map(n -> " (" + n + ")").orElse("") + " is not a Java virtual machine: 'turnstile"
                + " ps' lists the JVMs you can attach to"));
    }

    /** A name matches a JVM's main class (full or simple name) or its jar (with or without .jar). */
    private static LocalJvm byName(String name) {
        List<LocalJvm> matches = LocalJvms.list().stream().filter(jvm -> matches(jvm.main(), name)).toList();
        if (matches.isEmpty()) {
            throw new UserError("no running JVM matches '" + name + "': 'turnstile ps' lists them; give a process id"
                    + " or a main class or jar name");
        }
        if (matches.size() > 1) {
            throw new UserError("'" + name + "' matches " + matches.size() + " JVMs (" + matches.stream()
                    .map(j -> String.valueOf(j.pid())).collect(Collectors.joining(", ")) + "): give a process id");
        }
        return matches.get(0);
    }

    static boolean matches(String main, String name) {
        if (main == null || name.isBlank()) {
            return false;
        }
        String simple = main.substring(main.lastIndexOf('.') + 1);
        String jar = main.toLowerCase(Locale.ROOT).endsWith(".jar") ? main.substring(0, main.length() - 4) : null;
        return main.equals(name) || simple.equals(name) || name.equals(jar);
    }

    private static void check(LocalJvm jvm) {
        OptionalInt ours = ProcFs.uid(ProcessHandle.current().pid());
        if (jvm.uid().isPresent() && ours.isPresent() && jvm.uid().getAsInt() != ours.getAsInt()) {
            String user = jvm.user().equals("?") ? "uid " + jvm.uid().getAsInt() : jvm.user();
            throw new UserError(jvm.describe() + " runs as " + user + ", not as you: the agent runs as the JVM's user"
                    + " and must share a private directory with turnstile, so run turnstile as that user (sudo -u "
                    + user + " turnstile attach " + jvm.pid() + ")");
        }
        if (jvm.flag("DisableAttachMechanism").orElse(false)) {
            throw new UserError(jvm.describe() + " was started with -XX:+DisableAttachMechanism, so nothing can attach"
                    + " to it: restart it without that option, or record it from the start with 'turnstile run'");
        }
        if (!jvm.flag("EnableDynamicAgentLoading").orElse(true)) {
            throw new UserError(jvm.describe() + " was started with -XX:-EnableDynamicAgentLoading and refuses agents"
                    + " loaded while it runs: restart it with -XX:+EnableDynamicAgentLoading, or record it from the"
                    + " start with 'turnstile run'");
        }
        if (jvm.feature() > 0 && jvm.feature() < 11) {
            throw new UserError(jvm.describe() + " runs Java " + jvm.feature() + "; Turnstile's agent needs Java 11 or"
                    + " newer (17 or newer for java.util.concurrent locks)");
        }
        if (jvm.startedWithAgent()) {
            throw new UserError(jvm.describe() + " already runs Turnstile's agent, started with it (turnstile run or"
                    + " -javaagent): it writes its recording when it exits");
        }
    }

    /** Whether a JVM will print the JDK's warning about an agent loaded while it runs (JEP 451, Java 21+). */
    static boolean warnsAboutDynamicAgents(LocalJvm jvm) {
        return jvm.feature() >= 21 && !jvm.flag("EnableDynamicAgentLoading").orElse(false);
    }

    /**
     * What the JVM will print on its own standard error as the agent loads, and why, in one line: the JDK's warning
     * about a dynamically loaded agent (Java 21+), and, the first time, HotSpot's note that class data sharing now
     * covers boot classes only (the agent's bridge joins the boot class path).
     */
    static String warningsExplanation(LocalJvm jvm) {
        String sharing = "a note that class data sharing is limited to boot classes (the first time: the agent's"
                + " bridge joins its boot class path)";
        if (warnsAboutDynamicAgents(jvm)) {
            return "JVM " + jvm.pid() + " (Java " + jvm.feature() + ") prints a WARNING that a Java agent was loaded"
                    + " dynamically (JEP 451) and " + sharing + ": both expected and harmless; start it with"
                    + " -XX:+EnableDynamicAgentLoading to allow agents without that warning";
        }
        return "JVM " + jvm.pid() + " may print " + sharing + ": expected and harmless";
    }
}
