package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The pieces of ps and attach that need no JVM to attach to. */
class AttachPartsTest {

    private static LocalJvm jvm(String version, String... options) {
        return new LocalJvm(42, OptionalInt.of(0), "root", "com.example.Main", version, List.of(options));
    }

    @Test
    void theLastOfContradictingFlagsWins() {
        LocalJvm jvm = jvm("25.0.1", "-XX:-EnableDynamicAgentLoading", "-Xmx1g", "-XX:+EnableDynamicAgentLoading");
        assertEquals(Optional.of(true), jvm.flag("EnableDynamicAgentLoading"));
        assertEquals(Optional.empty(), jvm.flag("DisableAttachMechanism"));
    }

    @Test
    void readsTheJavaFeatureRelease() {
        assertEquals(17, jvm("17.0.15").feature());
        assertEquals(25, jvm("25").feature());
        assertEquals(8, jvm("1.8.0_292").feature());
        assertEquals(0, jvm(null).feature());
    }

    @Test
    void onlyJava21AndNewerWarnAboutDynamicAgentsUnlessAllowed() {
        assertTrue(AttachTarget.warnsAboutDynamicAgents(jvm("21.0.2")));
        assertFalse(AttachTarget.warnsAboutDynamicAgents(jvm("25", "-XX:+EnableDynamicAgentLoading")));
        assertFalse(AttachTarget.warnsAboutDynamicAgents(jvm("17.0.15")));
        assertTrue(AttachTarget.warningsExplanation(jvm("25")).contains("-XX:+EnableDynamicAgentLoading"));
    }

    @Test
    void recognisesAJvmStartedUnderTheAgent() {
        assertTrue(jvm("17", "-javaagent:/home/u/.cache/turnstile/turnstile-agent-0123.jar=file=x.jfr")
                .startedWithAgent());
        assertFalse(jvm("17", "-javaagent:/opt/otel/opentelemetry-javaagent.jar").startedWithAgent());
    }

    @Test
    void aNameMatchesTheMainClassItsSimpleNameOrTheJar() {
        assertTrue(AttachTarget.matches("com.example.Main", "com.example.Main"));
        assertTrue(AttachTarget.matches("com.example.Main", "Main"));
        assertTrue(AttachTarget.matches("app.jar", "app"));
        assertTrue(AttachTarget.matches("app.jar", "app.jar"));
        assertFalse(AttachTarget.matches("com.example.Main", "example"));
        assertFalse(AttachTarget.matches("?", ""));
    }

    @Test
    void findsWhatAJavaCommandLineRuns() {
        assertEquals("app.jar", ProgramName.mainOf(List.of("java", "-Xmx1g", "-jar", "/srv/app.jar", "--port", "80")));
        assertEquals("com.example.Main", ProgramName.mainOf(List.of("java", "-cp", "a.jar", "com.example.Main", "x")));
        assertEquals("com.example.Main", ProgramName.mainOf(List.of("java", "-m", "mod/com.example.Main")));
        assertEquals(null, ProgramName.mainOf(List.of("java", "-version")));
        assertEquals("app", ProgramName.ofMain("app.jar"));
        assertEquals("Main", ProgramName.ofMain("com.example.Main"));
        assertEquals("program", ProgramName.ofMain("?"));
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30s"));
        assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30"));
        assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
        assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1.5s"));
        assertEquals(Duration.ofMinutes(2), DurationConverter.parse("2m"));
        assertEquals(Duration.ofHours(1), DurationConverter.parse("1h"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("soon"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("0s"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("8d"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("200h"));
    }
}
