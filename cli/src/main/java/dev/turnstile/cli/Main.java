package dev.turnstile.cli;

import dev.turnstile.analyzer.RecordingException;
import dev.turnstile.gate.GateException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: runs the command and turns every failure into one line and an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(out, err, args));
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new TurnstileCommand()).setOut(out).setErr(err);
        // Everything after the program's first word belongs to the program: `turnstile run java -jar a.jar`.
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> failure(error, failed.getErr()));
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // The work is unwound by now, so its memory is free again for one line. A recording with millions of
            // threads or stacks in one chunk can need more than the default heap of a small machine.
            err.println("turnstile: ran out of memory (heap limit " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); give it more, e.g. TURNSTILE_OPTS=-Xmx4g turnstile ... (files already written are kept)");
            return ExitCodes.USAGE_OR_INPUT;
        }
    }

    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine failed = error.getCommandLine();
        failed.getErr().println("turnstile: " + oneLine(error.getMessage()) + " (see '"
                + failed.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE_OR_INPUT;
    }

    static int failure(Exception error, PrintWriter err) {
        if (error instanceof UserError || error instanceof RecordingException || error instanceof GateException) {
            err.println("turnstile: " + oneLine(error.getMessage()));
            return ExitCodes.USAGE_OR_INPUT;
        }
        err.println("turnstile: internal error: " + oneLine(String.valueOf(error))
                + " (this is a bug; please report it. TURNSTILE_DEBUG=1 shows the stack trace)");
        if (System.getenv("TURNSTILE_DEBUG") != null) {
            error.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
