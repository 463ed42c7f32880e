package dev.turnstile.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium} package), to open HTML reports as a browser does: run their scripts,
 * then dump the resulting DOM or take a screenshot. Every run gets a fresh profile and nothing from the network.
 */
public final class Chromium {
    private static final List<Path> PLACES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"));
    /** Lets frames and late scripts finish before the DOM is dumped or the page is drawn. */
    private static final String SETTLE = "--virtual-time-budget=3000";

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    public static Optional<Chromium> find() {
        String configured = System.getenv("TURNSTILE_TEST_CHROMIUM");
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
            return Optional.of(new Chromium(Path.of(configured)));
        }
        return PLACES.stream().filter(Files::isExecutable).findFirst().map(Chromium::new);
    }

    /**
     * The browser a test needs. Missing: under {@code CI=true} the test fails, because CI installs it (.ci/run);
     * elsewhere the test is skipped with a message saying what to install.
     */
    public static Chromium require() {
        Optional<Chromium> chromium = find();
        if (chromium.isPresent()) {
            return chromium.get();
        }
        String message = "Chromium is not installed (looked in " + PLACES + "; 'apt-get install chromium', or set"
                + " TURNSTILE_TEST_CHROMIUM)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + ": CI must test with it");
        }
        Assumptions.abort(message + ": skipped");
        throw new AssertionError("unreachable");
    }

    /** The page's DOM after its scripts ran, as HTML. */
    public String dumpDom(Path page) {
        Command.Outcome outcome = run(page, "--dump-dom");
        if (outcome.exitCode() != 0 || !outcome.stdout().contains("<body")) {
            throw new AssertionError("Chromium could not open " + page + "\n" + outcome.describe());
        }
        return outcome.stdout();
    }

    /** Draws the page into a PNG of the given window size. */
    public Path screenshot(Path page, Path png, int width, int height) {
        Command.Outcome outcome = run(page, "--window-size=" + width + "," + height, "--hide-scrollbars",
                "--screenshot=" + png.toAbsolutePath());
        if (outcome.exitCode() != 0 || !Files.isRegularFile(png)) {
            throw new AssertionError("Chromium drew no screenshot of " + page + "\n" + outcome.describe());
        }
        return png;
    }

    private Command.Outcome run(Path page, String... action) {
        Path profile;
        try {
            profile = Files.createTempDirectory("turnstile-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, SETTLE));
            command.addAll(List.of(action));
            command.add(page.toAbsolutePath().toUri().toString());
            return new Command(command).timeout(Duration.ofSeconds(90)).run();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
