package dev.turnstile.testkit;

import java.nio.file.Path;

/** An installed JDK: its home, its feature release (17, 21, 25...) and full version. */
public record Jdk(Path home, int feature, String version) {

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    @Override
    public String toString() {
        return "JDK " + version;
    }
}
