package dev.turnstile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramNameTest {

    @Test
    void namesAJarProgramByItsJar() {
        assertEquals("app", ProgramName.of(List.of("java", "-Xmx1g", "-jar", "/srv/app.jar", "--port", "80")));
    }

    @Test
    void namesAClassProgramByItsMainClassSkippingOptionValues() {
        assertEquals("Main", ProgramName.of(List.of("java", "-cp", "a.jar:b.jar", "-Dx=y", "com.example.Main", "arg")));
        assertEquals("Server", ProgramName.of(List.of("java", "--class-path", "lib/*", "Server")));
    }

    @Test
    void namesAModuleProgramByItsMainClass() {
        assertEquals("Main", ProgramName.of(List.of("java", "-p", "mods", "-m", "com.example/com.example.Main")));
    }

    @Test
    void keepsNamesSafeForFileNamesAndAgentOptions() {
        assertEquals("my_app_1_", ProgramName.of(List.of("java", "-jar", "my app,1!.jar")));
        assertEquals("program", ProgramName.of(List.of("java", "-version")));
    }
}
