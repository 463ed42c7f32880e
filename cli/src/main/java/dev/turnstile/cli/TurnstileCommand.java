package dev.turnstile.cli;

import picocli.CommandLine.Command;

@Command(name = "turnstile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows where a JVM's threads queue: which locks they wait for, who holds them, and what that costs.",
            ""
        },
        subcommands = {RunCommand.class, AttachCommand.class, PsCommand.class, ReportCommand.class,
            GateCommand.class, DiffCommand.class, DemoCommand.class, CalibrateCommand.class},
        footer = {
            "",
            "Exit codes: 0 ok, 1 a gate failed, 2 bad usage or input, 3 internal error.",
            "Start with: turnstile demo"
        })
final class TurnstileCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to do: say what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
