package dev.turnstile.cli;

import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What cannot be attached to: one line saying why and what to do, exit code 2, and the JVM left alone. */
class AttachErrorsIT {

    private static Command.Outcome attach(Object target) {
        return Turnstile.on(Jdks.require(17), "attach", target, "--duration", "1s");
    }

    @Test
    void aProcessThatIsGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(30, TimeUnit.SECONDS);
        Turnstile.assertInputError(attach(gone.pid()), "there is no process " + gone.pid());
    }

    @Test
    void aProcessThatIsNotAJvm() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "120").start();
        try {
            Turnstile.assertInputError(attach(sleep.pid()), "is not a Java virtual machine");
            org.junit.jupiter.api.Assertions.assertTrue(sleep.isAlive(), "left alone");
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aNameNoJvmHas() {
        Turnstile.assertInputError(attach("NoSuchMainClassAnywhere"), "no running JVM matches 'NoSuchMainClassAnywhere'");
    }

    @Test
    void aJvmWithAttachDisabled() {
        try (ServiceProcess service = ServiceProcess.start(Jdks.require(17), "-XX:+DisableAttachMechanism")) {
            Turnstile.assertInputError(attach(service.pid()), "-XX:+DisableAttachMechanism");
        }
    }

    @Test
    void aJvmRefusingDynamicAgents() {
        try (ServiceProcess service = ServiceProcess.start(Jdks.require(25), "-XX:-EnableDynamicAgentLoading")) {
            Turnstile.assertInputError(attach(service.pid()), "-XX:-EnableDynamicAgentLoading");
            org.junit.jupiter.api.Assertions.assertEquals("bridge=absent", service.probe());
        }
    }

    /** The agent would run as the JVM's user and could not use turnstile's private control directory. */
    @Test
    void aJvmOfAnotherUser() throws Exception {
        Assumptions.assumeTrue(ProcFs.uid(ProcessHandle.current().pid()).orElse(-1) == 0,
                "needs root to start a JVM as another user (runuser -u nobody)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(
                Path.of("/sbin/runuser")), "needs runuser");
        Assumptions.assumeTrue(Command.of("id", "nobody").timeout(Duration.ofSeconds(10)).run().exitCode() == 0,
                "needs the user nobody");
        try (ServiceProcess service = ServiceProcess.start(Jdks.require(17), List.of("runuser", "-u", "nobody", "--"))) {
            Turnstile.assertInputError(attach(service.pid()), "runs as nobody, not as you");
        }
    }
}
