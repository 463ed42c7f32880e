package dev.turnstile.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern FRAME_COPY = Pattern.compile("<pre class=\"frame-dom\">(.*?)</pre>", Pattern.DOTALL);

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

    /**
     * The DOMs of many pages after their scripts ran, in the order given, from one browser run: each start costs
     * more than a second, and a test opening forty reports spent most of its time starting browsers. The pages are
     * framed by one index page, which copies each frame's DOM into its own as text once all have loaded. Pages
     * must be local files: the index reads its frames' documents, which file access allows only with a flag.
     */
    public List<String> dumpDoms(List<Path> pages) {
        Path index;
        try {
            index = Files.createTempFile("turnstile-pages-", ".html");
            Files.writeString(index, indexOf(pages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Command.Outcome outcome = run(index, "--allow-file-access-from-files", "--dump-dom");
            List<String> doms = new ArrayList<>();
            Matcher copy = FRAME_COPY.matcher(outcome.stdout());
            while (copy.find()) {
                doms.add(unescapeText(copy.group(1)));
            }
            if (outcome.exitCode() != 0 || doms.size() != pages.size()) {
                throw new AssertionError("Chromium opened " + doms.size() + " of " + pages.size() + " pages\n"
                        + outcome.describe());
            }
            return doms;
        } finally {
            deleteQuietly(index);
        }
    }

    private static String indexOf(List<Path> pages) {
        StringBuilder html = new StringBuilder("<!doctype html><html><body>\n");
        for (Path page : pages) {
            // The URI is ASCII with quotes percent-encoded, so it is safe in the attribute as it is.
            html.append("<iframe src=\"").append(page.toAbsolutePath().toUri()).append("\"></iframe>\n");
        }
        html.append("""
                <script>
                window.addEventListener('load', function () {
                  document.querySelectorAll('iframe').forEach(function (frame) {
                    var copy = document.createElement('pre');
                    copy.className = 'frame-dom';
                    var doc = frame.contentDocument;
                    copy.textContent = doc && doc.documentElement ? doc.documentElement.outerHTML : '';
                    document.body.appendChild(copy);
                  });
                });
                </script></body></html>
                """);
        return html.toString();
    }

    /** Undoes the escaping of text in a serialised DOM (HTML's rules: only these four are escaped). */
    private static String unescapeText(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
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
