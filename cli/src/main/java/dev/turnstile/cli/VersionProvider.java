package dev.turnstile.cli;

import picocli.CommandLine;

/** {@code --version}: Turnstile's version and the Java it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "turnstile " + version(),
            "running on Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
