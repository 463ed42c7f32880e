package dev.turnstile.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged agent jar keeps its promise of isolation: the system and boot loaders see only the launcher and
 * the bridge; the core and Byte Buddy (relocated) are stored under inst/ where only the agent's loader looks.
 */
class AgentJarLayoutIT {
    private static final Path JAR = Path.of(System.getProperty("turnstile.agent.jar"));

    private static List<String> names() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return jar.stream().map(JarEntry::getName).filter(n -> !n.endsWith("/")).toList();
        }
    }

    @Test
    void onlyTheLauncherAndTheBridgeAreVisibleClasses() throws Exception {
        List<String> visible = names().stream().filter(n -> n.endsWith(".class")).toList();
        assertTrue(visible.contains("dev/turnstile/agent/TurnstileAgent.class"), visible.toString());
        assertTrue(visible.contains("dev/turnstile/agent/bridge/LockWaits.class"), visible.toString());
        for (String name : visible) {
            String pkg = name.substring(0, name.lastIndexOf('/'));
            assertTrue(pkg.equals("dev/turnstile/agent") || pkg.equals("dev/turnstile/agent/bridge"),
                    () -> name + " is visible to the program's class loaders");
        }
    }

    @Test
    void theCoreAndByteBuddyAreHiddenAndRelocated() throws Exception {
        List<String> names = names();
        assertTrue(names.contains("inst/dev/turnstile/agent/core/Agent.classdata"));
        assertTrue(names.contains("inst/dev/turnstile/agent/core/turnstile.jfc"));
        assertTrue(names.stream().anyMatch(n -> n.startsWith("inst/dev/turnstile/agent/core/shaded/bytebuddy/")));
        assertTrue(names.stream().noneMatch(n -> n.startsWith("net/bytebuddy") || n.startsWith("inst/net/")),
                "Byte Buddy is relocated");
        assertTrue(names.stream().noneMatch(n -> n.startsWith("META-INF/versions/")), "no multi-release leftovers");
        assertEquals(names.size(), names.stream().distinct().count(), "no duplicate entries");
    }

    @Test
    void asyncProfilerIsHiddenWithItsLibraries() throws Exception {
        List<String> names = names();
        assertTrue(names.contains("inst/one/profiler/AsyncProfiler.classdata"), "its Java API, for the agent only");
        assertTrue(names.stream().noneMatch(n -> n.startsWith("one/")), "not visible to the program");
        assertTrue(names.stream().noneMatch(n -> n.endsWith("one/profiler/Agent.classdata")), "not its own agent");
        for (String platform : List.of("linux-x64", "linux-arm64", "macos")) {
            assertTrue(names.contains("inst/async-profiler/" + platform + "/libasyncProfiler.so"), platform);
            assertTrue(names.stream().noneMatch(n -> n.startsWith(platform + "/")), platform + " at the root");
        }
    }

    @Test
    void theManifestDeclaresTheAgent() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals(TurnstileAgent.class.getName(), main.getValue("Premain-Class"));
            assertEquals(TurnstileAgent.class.getName(), main.getValue("Agent-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertNotNull(main.getValue("Implementation-Version"));
        }
    }
}
