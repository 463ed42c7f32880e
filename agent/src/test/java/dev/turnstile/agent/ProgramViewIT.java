package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnstile.testkit.Artifacts;
import dev.turnstile.testkit.Command;
import dev.turnstile.testkit.Jdk;
import dev.turnstile.testkit.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a program sees of its JVM is the same under the agent as without it (dev.turnstile.programs.ObservablesProgram):
 * the numbering of its first ForkJoinPool, default thread factory and unnamed thread, the common pool's parallelism,
 * the default uncaught-exception handler, no system property of the agent's. On JDK 25 the threads module once
 * initialized java.lang.VirtualThread, whose scheduler took ForkJoinPool-1 from the program.
 */
class ProgramViewIT {
    private static final String PROGRAM = "dev.turnstile.programs.ObservablesProgram";

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theProgramSeesTheSameJvm(int feature) throws Exception {
        Jdk jdk = Jdks.require(feature);
        Path file = Artifacts.outputDirectory().resolve("observables-jdk" + feature + ".jfr");
        Files.deleteIfExists(file);
        Command.Outcome plain = Command.of(jdk.java(), "-cp", TruthLines.testClasses(), PROGRAM).run();
        Command.Outcome recorded = Command.of(jdk.java(), "-javaagent:" + Artifacts.agentJar() + "=file=" + file,
                "-cp", TruthLines.testClasses(), PROGRAM).run();
        assertEquals(0, plain.exitCode(), plain::describe);
        assertEquals(0, recorded.exitCode(), recorded::describe);
        Map<String, String> expected = TruthLines.find(plain.stdout(), "program", "observables");
        assertEquals("ForkJoinPool-1-worker-1", expected.get("firstForkJoinWorker"), plain::describe);
        assertEquals(expected, TruthLines.find(recorded.stdout(), "program", "observables"), recorded::describe);
    }
}
