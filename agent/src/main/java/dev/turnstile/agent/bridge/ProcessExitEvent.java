package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A child process started under the agent has ended. Committed by the JDK's process reaper thread the moment it
 * collects the child's exit status, so its thread is that reaper, not the spawning thread (which is on the
 * matching {@link ProcessStartEvent}, found by pid).
 */
@Name("turnstile.ProcessExit")
@Label("Process Exit")
@Category({"Turnstile", "Processes"})
@Description("A child process the program started has ended; match it to its turnstile.ProcessStart by pid")
@StackTrace(false)
public final class ProcessExitEvent extends Event {
    @Label("Process Id")
    @Description("The child's process id")
    long pid;

    @Label("Exit Code")
    @Description("The child's exit status as Process.exitValue() gives it: 128 + the signal number when a signal"
            + " ended it")
    int exitCode;

    @Label("Lifetime")
    @Description("From the start of the spawn to the exit")
    @Timespan(Timespan.NANOSECONDS)
    long lifetime;

    @Label("Command")
    @Description("The command line, redacted as in turnstile.ProcessStart")
    String command;
}
