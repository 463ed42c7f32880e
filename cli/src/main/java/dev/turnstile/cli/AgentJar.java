package dev.turnstile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The agent travels inside the CLI jar; {@code -javaagent} needs a file. It is extracted once per distinct
 * agent build into the user's cache folder (or the temp folder), named by its content hash so rebuilds never
 * reuse a stale copy and concurrent runs never see a half-written one.
 */
final class AgentJar {
    static final String RESOURCE = "/dev/turnstile/cli/turnstile-agent.jar";

    private AgentJar() {
    }

    static Path path() {
        byte[] jar = embedded();
        String name = "turnstile-agent-" + sha256(jar).substring(0, 16) + ".jar";
        IOException lastFailure = null;
        for (Path folder : new Path[] {cacheFolder(), Path.of(System.getProperty("java.io.tmpdir"), "turnstile-"
                + System.getProperty("user.name"))}) {
            Path target = folder.resolve(name);
            if (Files.isRegularFile(target)) {
                return target;
            }
            try {
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, name, ".part");
                Files.write(partial, jar);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw new UserError("cannot write the agent jar to the cache or temp folder (" + lastFailure + ")");
    }

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("turnstile");
    }

    private static byte[] embedded() {
        try (InputStream in = AgentJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("this turnstile build has no agent inside (" + RESOURCE
                        + "): build it with 'mvn package'");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded agent", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
