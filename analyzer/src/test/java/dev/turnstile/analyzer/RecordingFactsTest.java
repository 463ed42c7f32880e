package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecordingFactsTest {

    @Test
    void keepsOnlyTheVersionFromTheJvmBanner() {
        assertEquals("17.0.15+6-Debian-1deb12u1", RecordingFacts.shortVersion(
                "OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux-amd64 JRE (17.0.15+6-Debian-1deb12u1),"
                        + " built on May  1 2025 09:21:09 by \"buildd\" with gcc 12.2.0"));
        assertEquals("25.0.3+9-LTS", RecordingFacts.shortVersion("OpenJDK 64-Bit Server VM (25.0.3+9-LTS) for linux"));
        assertEquals("some other banner", RecordingFacts.shortVersion("some other banner"));
    }
}
