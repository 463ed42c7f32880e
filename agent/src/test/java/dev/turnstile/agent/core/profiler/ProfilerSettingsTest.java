package dev.turnstile.agent.core.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfilerSettingsTest {

    @Test
    void defaultsSampleWallClockAndCpu() {
        ProfilerSettings settings = ProfilerSettings.defaults();
        assertEquals("wall=20ms,cpu=10ms", settings.describe());
        assertEquals("start,event=cpu,interval=10000000,wall=20000000,jfropts=31,jstackdepth=128,loglevel=none,"
                + "file=/t/s.jfr", settings.startCommand(Path.of("/t/s.jfr")));
    }

    @Test
    void contextSwitchesTakeTheEngineCpuWouldUse() {
        ProfilerSettings settings = new ProfilerSettings(Set.of("ctxsw", "wall"), 5_000_000, 1, 100, null);
        assertEquals("wall=5ms,ctxsw=100", settings.describe());
        assertEquals("start,event=context-switches,interval=100,wall=5000000,jfropts=31,jstackdepth=128,"
                + "loglevel=none,file=/t/s.jfr", settings.startCommand(Path.of("/t/s.jfr")));
    }

    /** async-profiler's server=ADDRESS would open a listener: a mode that is not one of ours never reaches it. */
    @Test
    void onlyKnownModesReachTheStartCommand() {
        ProfilerSettings settings = new ProfilerSettings(Set.of("wall", "server=127.0.0.1:8080", "server"), 20_000_000,
                10_000_000, 0, Path.of("/x,server=:1.so"));
        assertEquals(Set.of("wall"), settings.modes);
        assertFalse(settings.startCommand(Path.of("/t/s.jfr")).contains("server"),
                settings.startCommand(Path.of("/t/s.jfr")));
    }

    @Test
    void offDescribesItself() {
        assertEquals("off", new ProfilerSettings(Set.of(), 1, 1, 0, null).describe());
    }

    @Test
    void platformsAsAsyncProfilersJarNamesThem() {
        assertEquals("linux-x64", BundledLibrary.platform("Linux", "amd64"));
        assertEquals("linux-arm64", BundledLibrary.platform("Linux", "aarch64"));
        assertEquals("macos", BundledLibrary.platform("Mac OS X", "aarch64"));
        assertNull(BundledLibrary.platform("Windows 11", "amd64"));
        assertNull(BundledLibrary.platform("Linux", "ppc64le"));
    }
}
