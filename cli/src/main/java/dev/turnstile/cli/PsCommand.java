package dev.turnstile.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ps",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "List the JVMs running on this machine that turnstile attach can record, without attaching to any.",
            "TURNSTILE says whether Turnstile records one now: 'attached' (turnstile attach) or 'agent' (started",
            "under the agent, e.g. by turnstile run). NOTE says why one cannot be attached to.",
            ""
        })
final class PsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LocalJvm> jvms = LocalJvms.list();
        if (jvms.isEmpty()) {
            spec.commandLine().getErr().println("turnstile: no other JVM is running here (as far as this user can see)");
            return ExitCodes.OK;
        }
        String format = "%7s  %-10s  %-10s  %-9s  %s%n";
        out.printf(Locale.ROOT, format, "PID", "USER", "JAVA", "TURNSTILE", "MAIN");
        for (LocalJvm jvm : jvms) {
            String note = note(jvm);
            out.printf(Locale.ROOT, format, jvm.pid(), jvm.user(), jvm.javaVersion() == null ? "?" : jvm.javaVersion(),
                    turnstile(jvm), jvm.main() + (note.isEmpty() ? "" : "   (" + note + ")"));
        }
        return ExitCodes.OK;
    }

    private static String turnstile(LocalJvm jvm) {
        if (SessionDirectory.isRecording(jvm.pid())) {
            return "attached";
        }
        return jvm.startedWithAgent() ? "agent" : "-";
    }

    /** Why attaching would fail or warn, in a few words; the same checks as {@link AttachTarget}. */
    static String note(LocalJvm jvm) {
        List<String> notes = new ArrayList<>();
        OptionalInt ours = ProcFs.uid(ProcessHandle.current().pid());
        if (jvm.uid().isPresent() && ours.isPresent() && jvm.uid().getAsInt() != ours.getAsInt()) {
            notes.add("another user's");
        }
        if (jvm.flag("DisableAttachMechanism").orElse(false)) {
            notes.add("attach disabled");
        }
        if (!jvm.flag("EnableDynamicAgentLoading").orElse(true)) {
            notes.add("refuses agents: -XX:-EnableDynamicAgentLoading");
        } else if (AttachTarget.warnsAboutDynamicAgents(jvm)) {
            notes.add("warns when attached: see docs/attach.md");
        }
        if (jvm.feature() > 0 && jvm.feature() < 11) {
            notes.add("Java " + jvm.feature() + " is too old");
        }
        return String.join("; ", notes);
    }
}
