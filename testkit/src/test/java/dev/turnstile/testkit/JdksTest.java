package dev.turnstile.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdksTest {

    @Test
    void findsTheJdkRunningTheTestsWithItsFeatureRelease() {
        int running = Runtime.version().feature();
        Jdk jdk = Jdks.require(running);
        assertEquals(running, jdk.feature());
        assertTrue(jdk.java().toFile().canExecute(), jdk.java() + " is not executable");
    }

    @Test
    void everyJdkFoundHasAJavaLauncherAndAPlausibleFeatureRelease() {
        for (Jdk jdk : Jdks.installed()) {
            assertTrue(jdk.java().toFile().canExecute(), jdk + ": " + jdk.java());
            assertTrue(jdk.feature() >= 8 && jdk.feature() < 100, jdk + " has feature " + jdk.feature());
        }
    }

    @Test
    void readsASamplesTruthLine() {
        Map<String, String> truth = SampleRecording.parseTruth(
                "noise\ntruth: sample=gil threads=8 heldShare=0.970\nmore noise\n");
        assertEquals(Map.of("sample", "gil", "threads", "8", "heldShare", "0.970"), truth);
    }

    @Test
    void commandKeepsOutputAndExitCode() {
        Jdk jdk = Jdks.require(Runtime.version().feature());
        Command.Outcome outcome = Command.of(jdk.java(), "-version").in(Path.of(".")).run();
        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.stderr().contains(String.valueOf(jdk.feature())), outcome.describe());
    }
}
