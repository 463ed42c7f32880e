package dev.turnstile.agent.core;

import dev.turnstile.agent.core.executors.ExecutorInstrumentation;
import dev.turnstile.agent.core.locks.LockInstrumentation;
import dev.turnstile.agent.core.processes.ProcessInstrumentation;
import dev.turnstile.agent.core.threads.ThreadInstrumentation;
import java.util.List;

/** Every instrumentation module the agent installs. */
final class Modules {
    private Modules() {
    }

    static List<InstrumentationModule> all() {
        return List.of(new LockInstrumentation(), new ExecutorInstrumentation(), new ProcessInstrumentation(),
                new ThreadInstrumentation());
    }
}
