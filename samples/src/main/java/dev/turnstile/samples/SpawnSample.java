package dev.turnstile.samples;

import java.io.File;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * Starts short child processes every way Java can, one of them failing, with command lines that carry secrets in
 * every form the agent must redact. Each child is {@code /bin/sh -c 'sleep 0.05; exit N'} (a known exit code and a
 * lifetime of at least {@value #CHILD_SLEEP_MILLIS} ms); the extra arguments after the script only become the
 * shell's positional parameters, which the script ignores, so they can carry anything. The secrets are random for
 * each run and printed in the truth line, so a test can prove none of them reached the recording.
 */
public final class SpawnSample {
    static final int CHILD_SLEEP_MILLIS = 50;
    static final String MISSING_PROGRAM = "/nonexistent/turnstile-no-such-program";
    private static final String SLEEP = "sleep " + CHILD_SLEEP_MILLIS / 1000.0 + "; ";

    /** The secrets used in this run, each in one of the forms the agent redacts. */
    private final List<String> secrets = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    /** One entry per child: pid, exit code seen by the program, and the method that started it. */
    private final StringJoiner children = new StringJoiner(",");

    private SpawnSample() {
    }

    /** A new random secret, remembered for the truth line. */
    private String secret() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String secret = "sec" + HexFormat.of().formatHex(bytes);
        secrets.add(secret);
        return secret;
    }

    private static List<String> shell(String script, String... parameters) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "spawn-sample"));
        command.addAll(List.of(parameters));
        return command;
    }

    /** Secret flags, each as --flag=value and as --flag value, in mixed case for the first. */
    private List<String> secretFlags() {
        List<String> arguments = new ArrayList<>();
        for (String flag : List.of("PassWord", "passwd", "secret", "token", "api-key", "apikey", "access-key",
                "client-secret", "Client-Secret", "auth", "clientSecret")) {
            arguments.add("--" + flag + "=" + secret());
            arguments.add("--" + flag);
            arguments.add(secret());
        }
        return arguments;
    }

    /** Pairs whose key names a secret, and a system property. */
    private List<String> secretPairs() {
        List<String> arguments = new ArrayList<>();
        for (String key : List.of("db_password", "LDAP_PASSWD", "pwd", "app_secret", "GITHUB_TOKEN", "apikey",
                "api_key", "aws_credential", "x_auth", "PASSWORD", "API_KEY", "aws_secret_access_key")) {
            arguments.add(key + "=" + secret());
        }
        arguments.add("-Ddb.password=" + secret());
        arguments.add("-Dsome.secret=" + secret());
        return arguments;
    }

    private void started(Process process, String method, int expectedExit) throws InterruptedException {
        int exit = process.waitFor();
        if (exit != expectedExit) {
            throw new IllegalStateException(method + ": child " + process.pid() + " exited with " + exit
                    + ", expected " + expectedExit);
        }
        children.add(process.pid() + ":" + exit + ":" + method);
    }

    Process startWithBuilder(List<String> command, File directory) throws IOException {
        return new ProcessBuilder(command).directory(directory).start();
    }

    Process startWithRuntimeExec(String[] command) throws IOException {
        return Runtime.getRuntime().exec(command);
    }

    @SuppressWarnings("deprecation") // Runtime.exec(String) splits at spaces; deprecated since 18, still used
    Process startWithRuntimeExecLine(String line) throws IOException {
        return Runtime.getRuntime().exec(line);
    }

    List<Process> startPipeline(List<ProcessBuilder> stages) throws IOException {
        return ProcessBuilder.startPipeline(stages);
    }

    /** @return what the spawn threw: the program sees the exception as without the agent */
    IOException startMissingProgram(List<String> command) {
        try {
            new ProcessBuilder(command).start();
        } catch (IOException expected) {
            return expected;
        }
        throw new IllegalStateException(MISSING_PROGRAM + " started");
    }

    private void run() throws Exception {
        File directory = new File(System.getProperty("java.io.tmpdir")).getCanonicalFile();
        int spawns = 0;

        List<List<String>> builderCommands = List.of(
                shell(SLEEP + "exit 0", secretFlags().toArray(String[]::new)),
                shell(SLEEP + "exit 1", secretPairs().toArray(String[]::new)),
                shell("API_TOKEN=" + secret() + " " + SLEEP + "exit 3",
                        "https://deploy:" + secret() + "@git.example.invalid/repo.git"),
                shell(SLEEP + "exit 7", "Authorization: Bearer " + secret(), "Bearer", secret(), "-H",
                        "Authorization: Basic " + secret(), "-u", "deploy:" + secret()),
                shell(SLEEP + "exit 42", "--password", "two words " + secret()));
        int[] builderExits = {0, 1, 3, 7, 42};
        Process inDirectory = null;
        for (int i = 0; i < builderCommands.size(); i++) {
            // The last one runs in a directory of its own; the others inherit the program's.
            Process process = startWithBuilder(builderCommands.get(i),
                    i == builderCommands.size() - 1 ? directory : null);
            spawns++;
            started(process, "startWithBuilder", builderExits[i]);
            inDirectory = process;
        }

        spawns++;
        started(startWithRuntimeExec(shell(SLEEP + "exit 5", "--token", secret(), "--client-secret=" + secret())
                .toArray(String[]::new)), "startWithRuntimeExec", 5);
        spawns++;
        started(startWithRuntimeExecLine("/bin/sleep " + CHILD_SLEEP_MILLIS / 1000.0), "startWithRuntimeExecLine", 0);

        List<Process> pipeline = startPipeline(List.of(
                new ProcessBuilder(shell(SLEEP + "echo data", "--secret", secret())),
                // Sleeps too: waiting for the first stage's output alone could end sooner after its own spawn.
                new ProcessBuilder(shell(SLEEP + "cat >/dev/null; exit 2", "--api-key=" + secret()))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)));
        spawns += pipeline.size();
        started(pipeline.get(0), "startPipeline", 0);
        started(pipeline.get(1), "startPipeline", 2);

        spawns++;
        IOException failure = startMissingProgram(List.of(MISSING_PROGRAM, "--password", secret(), "token=" + secret()));

        new Truth("spawn")
                .put("spawns", spawns)
                .put("started", spawns - 1)
                .put("failed", 1)
                .put("childSleepMs", CHILD_SLEEP_MILLIS)
                .put("children", children)
                .put("directoryPid", inDirectory.pid())
                .put("directory", directory)
                .put("missingProgram", MISSING_PROGRAM)
                .put("failure", failure.getClass().getName())
                .put("failureMethod", "startMissingProgram")
                .put("secrets", String.join(",", secrets))
                .print();
    }

    /** Runs a fixed set of spawns (about half a second); --seconds and --threads are accepted and ignored. */
    public static void main(String[] args) throws Exception {
        SampleOptions.parse(args, 1.0, 1);
        new SpawnSample().run();
    }
}
