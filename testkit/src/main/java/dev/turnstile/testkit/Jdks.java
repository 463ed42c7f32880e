package dev.turnstile.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the JDKs installed on this machine, so tests can run the agent on several of them without hard-coded
 * paths. Looks at {@code TURNSTILE_TEST_JDKS} (homes separated by the path separator), the running JVM,
 * {@code JAVA_HOME}, and the usual install folders of Linux packages, SDKMAN, IntelliJ and macOS.
 */
public final class Jdks {
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);
    private static volatile List<Jdk> installed;

    private Jdks() {
    }

    public static List<Jdk> installed() {
        if (installed == null) {
            installed = discover();
        }
        return installed;
    }

    /** The newest installed JDK of exactly this feature release. */
    public static Optional<Jdk> find(int feature) {
        return installed().stream().filter(j -> j.feature() == feature).max(Comparator.comparing(Jdks::parsedVersion));
    }

    /** The newest installed JDK of at least this feature release. */
    public static Optional<Jdk> findAtLeast(int feature) {
        return installed().stream().filter(j -> j.feature() >= feature).max(Comparator.comparingInt(Jdk::feature));
    }

    /**
     * The JDK a test needs. Missing: under {@code CI=true} the test fails, because CI promises to test on it;
     * elsewhere the test is skipped with a message saying which JDK to install.
     */
    public static Jdk require(int feature) {
        return orSkip(find(feature), "JDK " + feature);
    }

    public static Jdk requireAtLeast(int feature) {
        return orSkip(findAtLeast(feature), "JDK " + feature + " or newer");
    }

    private static Jdk orSkip(Optional<Jdk> jdk, String what) {
        if (jdk.isPresent()) {
            return jdk.get();
        }
        String message = what + " is not installed (looked in " + searchedPlaces() + "; set TURNSTILE_TEST_JDKS to"
                + " add homes)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + ": CI must test on it");
        }
        Assumptions.abort(message + ": skipped");
        throw new AssertionError("unreachable");
    }

    /** Orders 17.0.9 before 17.0.15; a version Java cannot parse (1.8.0_292) sorts first. */
    private static Runtime.Version parsedVersion(Jdk jdk) {
        try {
            return Runtime.Version.parse(jdk.version());
        } catch (IllegalArgumentException e) {
            return Runtime.Version.parse(String.valueOf(jdk.feature()));
        }
    }

    private static List<Jdk> discover() {
        Map<Path, Jdk> found = new LinkedHashMap<>();
        for (Path candidate : candidates()) {
            readJdk(candidate).ifPresent(jdk -> found.putIfAbsent(jdk.home(), jdk));
        }
        return List.copyOf(found.values());
    }

    private static List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        String listed = System.getenv("TURNSTILE_TEST_JDKS");
        if (listed != null) {
            for (String home : listed.split(java.io.File.pathSeparator)) {
                if (!home.isBlank()) {
                    homes.add(Path.of(home.trim()));
                }
            }
        }
        homes.add(Path.of(System.getProperty("java.home")));
        if (System.getenv("JAVA_HOME") != null) {
            homes.add(Path.of(System.getenv("JAVA_HOME")));
        }
        for (Path folder : installFolders()) {
            homes.addAll(children(folder));
        }
        return homes;
    }

    private static List<Path> installFolders() {
        Path home = Path.of(System.getProperty("user.home"));
        return List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt/jdk"),
                home.resolve(".sdkman/candidates/java"), home.resolve(".jdks"),
                Path.of("/Library/Java/JavaVirtualMachines"));
    }

    private static String searchedPlaces() {
        return "the running JVM, JAVA_HOME, " + String.join(", ", installFolders().stream().map(Path::toString).toList());
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
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Jdk> readJdk(Path home) {
        try {
            Path real = home.toRealPath();
            Path release = real.resolve("release");
            if (!Files.isRegularFile(release) || !Files.isExecutable(real.resolve("bin/java"))) {
                return Optional.empty();
            }
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return Optional.empty();
            }
            String version = m.group(1);
            String first = version.split("[.+-]")[0];
            int feature = Integer.parseInt(first.equals("1") ? version.split("\\.")[1] : first);
            return Optional.of(new Jdk(real, feature, version));
        } catch (IOException | RuntimeException notAJdk) {
            return Optional.empty();
        }
    }
}
