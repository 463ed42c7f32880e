package dev.turnstile.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads the agent into a running JVM through the JDK's Attach API, once per session. The Attach API's errors are
 * turned into what the user can do about them; the usual causes were ruled out before (see {@link AttachTarget}),
 * so what reaches here is mostly a JVM that does not answer.
 */
final class AgentLoader {
    private AgentLoader() {
    }

    static void load(LocalJvm target, Path agentJar, String options) {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(String.valueOf(target.pid()));
        } catch (AttachNotSupportedException e) {
            throw new UserError(cannotAttach(target, e), e);
        } catch (IOException e) {
            throw new UserError("cannot attach to " + target.describe() + ": " + Main.oneLine(e.getMessage()), e);
        } catch (LinkageError e) {
            throw new UserError("this Java runtime has no Attach API (module jdk.attach): run turnstile on a JDK, not"
                    + " a JRE", e);
        }
        try {
            vm.loadAgent(agentJar.toString(), options);
        } catch (AgentLoadException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("EnableDynamicAgentLoading")) {
                throw new UserError(target.describe() + " refuses agents loaded while it runs"
                        + " (-XX:-EnableDynamicAgentLoading): restart it with -XX:+EnableDynamicAgentLoading, or record"
                        + " it from the start with 'turnstile run'", e);
            }
            throw new UserError(target.describe() + " could not load the agent: " + Main.oneLine(message), e);
        } catch (AgentInitializationException e) {
            throw new UserError("the agent failed to start in " + target.describe() + ": " + Main.oneLine(e.getMessage()),
                    e);
        } catch (IOException e) {
            throw new UserError("lost the connection to " + target.describe() + " while loading the agent ("
                    + Main.oneLine(e.getMessage()) + "): it may have exited", e);
        } finally {
            try {
                vm.detach(); // the Attach API's connection, not the agent: the agent stays until asked to stop
            } catch (IOException ignored) {
                // the JVM closed it first
            }
        }
    }

    private static String cannotAttach(LocalJvm target, AttachNotSupportedException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("does not support the attach mechanism")) {
            return target.describe() + " does not accept attaching (-XX:+DisableAttachMechanism, perhaps through"
                    + " JAVA_TOOL_OPTIONS): restart it without that option, or record it with 'turnstile run'";
        }
        return target.describe() + " did not answer the attach request (" + Main.oneLine(message) + "): it may be"
                + " hung or stopped, or run in another container or with another temporary directory";
    }
}
