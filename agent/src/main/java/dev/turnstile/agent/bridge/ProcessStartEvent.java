package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One attempt to start a child process, whether it started or not; its duration is the spawn latency. */
@Name("turnstile.ProcessStart")
@Label("Process Start")
@Category({"Turnstile", "Processes"})
@Description("The program started a child process (ProcessBuilder.start, Runtime.exec, ProcessBuilder.startPipeline)"
        + " or failed to; the duration is the spawn latency, the stack is the spawning code's")
@StackTrace(true)
public final class ProcessStartEvent extends Event {
    @Label("Process Id")
    @Description("The child's process id, or -1 when the spawn failed")
    long pid;

    @Label("Command")
    @Description("The command line, arguments separated by spaces (quoted when they hold spaces), with secret values"
            + " replaced by ***")
    String command;

    @Label("Directory")
    @Description("The child's working directory; null when it inherits the program's")
    String directory;

    @Label("Failure")
    @Description("Why the spawn failed: the exception the program got, class and message, redacted like the"
            + " command; null when the child started")
    String failure;

    /** When the spawn began, on System.nanoTime's clock: the start of the child's lifetime. Not recorded. */
    transient long spawnNanos;
}
