package dev.turnstile.agent.bridge;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Written once when the agent is ready, so a reader knows which event schema the file holds and from when
 * on the program was fully observed.
 */
@Name("turnstile.AgentStart")
@Label("Turnstile Agent Start")
@Category({"Turnstile"})
@StackTrace(false)
public final class AgentStartEvent extends jdk.jfr.Event {
    @Label("Schema Version")
    @Description("Version of the turnstile.* event names and fields in this recording")
    public int schemaVersion;

    @Label("Agent Version")
    public String agentVersion;

    @Label("Options")
    @Description("The agent options in effect, after defaults were applied")
    public String options;

    @Label("Modules")
    @Description("The instrumentation modules that work in this JVM, comma-separated (e.g. locks); a module"
            + " missing here recorded nothing, and the agent said why on stderr")
    public String modules;

    @Label("Scheduler Counters")
    @Description("Whether per-thread kernel scheduler counters are sampled (turnstile.ThreadScheduling): 'on', 'off'"
            + " (the sched option), or 'unavailable: ' and why (no /proc: not Linux)")
    public String schedulerCounters;
}
