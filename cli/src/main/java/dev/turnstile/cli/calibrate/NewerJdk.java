package dev.turnstile.cli.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds an installed JDK of at least some release, for measurements the running JDK cannot make (virtual threads
 * need 21). Looks where JDKs are usually installed: the running one, {@code JAVA_HOME}, Linux packages, SDKMAN,
 * IntelliJ and macOS.
 */
final class NewerJdk {
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);

    /** @param feature the release, e.g. 21 */
    record Found(Path java, int feature, String version) {
    }

    private NewerJdk() {
    }

    /** The running JDK if it is new enough (what the user chose), else the newest one installed. */
    static Optional<Found> atLeast(int feature) {
        Optional<Found> running = read(Path.of(System.getProperty("java.home")));
        if (running.isPresent() && running.get().feature() >= feature) {
            return running;
        }
        return candidates().stream().map(NewerJdk::read).flatMap(Optional::stream)
                .filter(jdk -> jdk.feature() >= feature)
                .max(Comparator.comparingInt(Found::feature));
    }

    private static List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        Path user = Path.of(System.getProperty("user.home"));
        for (Path folder : List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                Path.of("/opt/jdk"), user.resolve(".sdkman/candidates/java"), user.resolve(".jdks"),
                Path.of("/Library/Java/JavaVirtualMachines"))) {
            homes.addAll(children(folder));
        }
        return homes;
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            // macOS keeps the home one level down.
            return entries.map(p -> Files.isDirectory(p.resolve("Contents/Home")) ? p.resolve("Contents/Home") : p)
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A JDK home has a release file naming its version and a java launcher. */
    private static Optional<Found> read(Path home) {
        try {
            Path java = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
            Path release = home.resolve("release");
            if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
                return Optional.empty();
            }
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return Optional.empty();
            }
            String version = m.group(1);
            String first = version.split("[.+-]")[0];
            int feature = Integer.parseInt(first.equals("1") ? version.split("\\.")[1] : first);
            return Optional.of(new Found(java, feature, version));
        } catch (IOException | RuntimeException notAJdk) {
            return Optional.empty();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
